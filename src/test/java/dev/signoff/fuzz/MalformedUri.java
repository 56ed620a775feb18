package dev.signoff.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The request paths GlassFish 7.0 answers with its own 500 before any code of the app runs, with
 * no setting to change it (SECURITY.md; Payara 6.2025 answers them 400): an escape that is not
 * {@code %} and two hex digits, an encoded {@code /}, {@code \} or NUL, a raw {@code \}, a
 * {@code ..} that climbs above the root or a path that ends in a dot segment, bytes that do not
 * decode as UTF-8 (Grizzly's {@code ContainerMapper} sends a hard-coded 500 when decoding or
 * normalizing the URI throws), and a {@code :} (Exousia, its Jakarta Authorization, builds an
 * invalid URL pattern from it; the container answers 500, or 503 in an app with its own FORM login).
 */
final class MalformedUri {
    private MalformedUri() {
    }

    static boolean test(byte[] target) {
        int end = 0;
        while (end < target.length && target[end] != '?') {
            end++;
        }
        String path = new String(target, 0, end, StandardCharsets.ISO_8859_1);
        if (path.contains(":") || path.toLowerCase(Locale.ROOT).contains("%3a")) {
            return true;
        }
        ByteArrayOutputStream decoded = new ByteArrayOutputStream();
        for (int i = 0; i < end; i++) {
            int c = target[i] & 0xff;
            if (c == '%') {
                if (i + 2 >= end || Character.digit(target[i + 1], 16) < 0 || Character.digit(target[i + 2], 16) < 0) {
                    return true;
                }
                c = Character.digit(target[i + 1], 16) * 16 + Character.digit(target[i + 2], 16);
                if (c == 0 || c == '/' || c == '\\') {
                    return true;
                }
                i += 2;
            } else if (c < 0x20 || c == '\\') {
                return true;
            }
            decoded.write(c);
        }
        return climbsAboveRoot(decoded.toString(StandardCharsets.ISO_8859_1)) || !utf8(decoded.toByteArray());
    }

    /**
     * Whether the path, its escapes decoded and dot segments resolved, lies outside the context
     * path: another application's, or the server root's, answer.
     */
    static boolean outside(byte[] target, String contextPath) {
        if (contextPath.isEmpty()) {
            return false;
        }
        int end = 0;
        while (end < target.length && target[end] != '?') {
            end++;
        }
        String path = new String(target, 0, end, StandardCharsets.ISO_8859_1).replaceAll("(?i)%2e", ".");
        java.util.Deque<String> segments = new java.util.ArrayDeque<>();
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                segments.pollLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.addLast(segment.replaceAll(";.*", ""));
            }
        }
        return !("/" + String.join("/", segments) + "/").startsWith(contextPath + "/");
    }

    private static boolean climbsAboveRoot(String path) {
        if (path.endsWith("/.") || path.endsWith("/..")) {
            return true;
        }
        int depth = 0;
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                depth--;
                if (depth < 0) {
                    return true;
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                depth++;
            }
        }
        return false;
    }

    private static boolean utf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
