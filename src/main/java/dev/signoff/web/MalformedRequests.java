package dev.signoff.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Whether a request is malformed in a way servers fail on by themselves: GlassFish and Open Liberty
 * answer some of these with their own 500 (SECURITY.md lists which), where the fault is the
 * client's. Pure, so that {@code ContainerErrorPage} and SignOff's routes can tell such a request
 * from a real server error.
 */
public final class MalformedRequests {
    /** Characters RFC 3986 leaves out of a path, and {@code :}. */
    private static final String NOT_IN_PATHS = ":\\ \"<>[]^`{|}";

    private MalformedRequests() {
    }

    /**
     * A raw (undecoded) path is malformed when it holds a {@code :} (Jakarta Authorization cannot make
     * a URL pattern of it), a character RFC 3986 leaves out of paths (a space, a backslash,
     * {@code " < > [ ] ^ ` { | }}: no URI can be made of it), a control character, an escape that is not {@code %} and two
     * hex digits, an encoded NUL, slash, backslash or dot, a dot segment, or bytes that are not UTF-8.
     */
    public static boolean path(String raw) {
        if (raw == null) {
            return false;
        }
        if (raw.chars().anyMatch(c -> NOT_IN_PATHS.indexOf(c) >= 0) || hasControl(raw) || dotSegment(raw)) {
            return true;
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        for (String encoded : new String[]{"%00", "%2f", "%5c", "%2e", "%3a"}) {
            if (lower.contains(encoded)) {
                return true;
            }
        }
        return !decodes(raw);
    }

    /** A raw query string is malformed when an escape in it is not {@code %} and two hex digits, or it is not UTF-8. */
    public static boolean query(String raw) {
        return raw != null && (hasControl(raw) || !decodes(raw));
    }

    /**
     * Whether the exception was thrown while the server parsed the request's parameters (Open Liberty
     * throws {@code IllegalArgumentException} from {@code getParameter} on a bad escape in the query or
     * a form body): the stack holds a {@code getParameter…} frame only while that call runs.
     */
    public static boolean parameters(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IllegalArgumentException && Arrays.stream(t.getStackTrace())
                    .anyMatch(frame -> frame.getMethodName().startsWith("getParameter"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the runtime could not make a {@code java.net.URI} of the request's target (RESTEasy on
     * Open Liberty and WildFly does so for every request): the client's fault.
     */
    public static boolean unparsableTarget(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.URISyntaxException) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasControl(String raw) {
        return raw.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    private static boolean dotSegment(String raw) {
        for (String segment : raw.split("/", -1)) {
            String name = segment.replaceAll(";.*", "");
            if (name.equals(".") || name.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** Whether every escape is well formed and the decoded bytes are UTF-8. */
    private static boolean decodes(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] chars = raw.getBytes(StandardCharsets.ISO_8859_1); // servers hand raw bytes over as ISO-8859-1 characters
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == '%') {
                if (i + 2 >= chars.length || Character.digit(chars[i + 1], 16) < 0 || Character.digit(chars[i + 2], 16) < 0) {
                    return false;
                }
                bytes.write(Character.digit(chars[i + 1], 16) * 16 + Character.digit(chars[i + 2], 16));
                i += 2;
            } else {
                bytes.write(chars[i]);
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
