package dev.signoff.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One generated request. {@code riding} requests carry the signed-in victim's real cookies, but
 * only with a safe method or with a cross-site signal: whatever they reach, they must change
 * nothing. The others carry no valid credential: they must never be answered as the victim.
 */
record Probe(boolean riding, String method, byte[] target, List<String[]> headers, byte[] body) {

    byte[] bytes(String host) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(method.getBytes(StandardCharsets.ISO_8859_1));
        b.write(' ');
        b.writeBytes(target);
        b.writeBytes(" HTTP/1.1\r\nHost: ".getBytes(StandardCharsets.ISO_8859_1));
        b.writeBytes(host.getBytes(StandardCharsets.ISO_8859_1));
        for (String[] h : headers) {
            b.writeBytes(("\r\n" + h[0] + ": ").getBytes(StandardCharsets.ISO_8859_1));
            b.writeBytes(h[1].getBytes(StandardCharsets.ISO_8859_1));
        }
        if (body.length > 0 || !method.equals("GET") && !method.equals("HEAD")) {
            b.writeBytes(("\r\nContent-Length: " + body.length).getBytes(StandardCharsets.ISO_8859_1));
        }
        b.writeBytes("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        b.writeBytes(body);
        return b.toByteArray();
    }

    boolean head() {
        return method.equals("HEAD");
    }

    /** The request as text, non-printable bytes escaped, for a failure report a person can replay. */
    String describe() {
        StringBuilder s = new StringBuilder(riding ? "[riding] " : "[anonymous] ");
        s.append(method).append(' ').append(printable(target));
        for (String[] h : headers) {
            s.append("\n  ").append(h[0]).append(": ").append(printable(h[1].getBytes(StandardCharsets.ISO_8859_1)));
        }
        if (body.length > 0) {
            s.append("\n  body: ").append(printable(body.length > 300 ? java.util.Arrays.copyOf(body, 300) : body));
        }
        return s.toString();
    }

    private static String printable(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte x : bytes) {
            int c = x & 0xff;
            s.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\x%02x", c));
        }
        return s.toString();
    }
}
