package dev.signoff.fuzz;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, kept alive between requests. The fuzzer needs it because
 * {@code java.net.http} refuses to send what the fuzzer is for: bad escapes, raw non-UTF-8 bytes
 * and odd methods in the request line. Request framing (Content-Length) is always right, so one
 * bad request cannot make the next one read the wrong answer.
 */
final class RawHttp implements AutoCloseable {
    /** A response as read off the wire; {@code streaming} when it was an event stream left unread. */
    record Answer(int status, List<String> headers, String body, boolean streaming) {
        String header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            for (String h : headers) {
                if (h.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                    return h.substring(prefix.length()).trim();
                }
            }
            return null;
        }
    }

    /** The server's bytes were not an HTTP answer where one was due (the connection is dropped). */
    static final class Garbled extends IOException {
        Garbled(String line) {
            super("not a status line: " + (line.length() > 200 ? line.substring(0, 200) : line));
        }
    }

    private static final int MAX_BODY = 1 << 20;
    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** Sends one request; reconnects once when the server had closed the kept-alive connection. */
    Answer exchange(byte[] request, boolean head) throws IOException {
        boolean fresh = socket == null;
        try {
            return once(request, head);
        } catch (IOException e) {
            close();
            if (fresh) {
                throw e;
            }
            return once(request, head);
        }
    }

    private Answer once(byte[] request, boolean head) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(15_000);
            socket.setTcpNoDelay(true);
            socket.setSoLinger(true, 0); // closed with a reset: 100 000 requests leave no ports in TIME_WAIT
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        }
        out.write(request);
        out.flush();
        String statusLine = line();
        if (statusLine == null) {
            throw new IOException("connection closed before a status line");
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("\\d{3}")) {
            throw new Garbled(statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        List<String> headers = new ArrayList<>();
        for (String h = line(); h != null && !h.isEmpty(); h = line()) {
            headers.add(h);
        }
        Answer bare = new Answer(status, headers, "", false);
        String type = bare.header("Content-Type");
        if (type != null && type.startsWith("text/event-stream") && bare.header("Content-Length") == null && !head) {
            close(); // an open stream: its headers are the answer
            return new Answer(status, headers, "", true);
        }
        String body = head || status == 204 || status == 304 || status / 100 == 1 ? "" : body(bare);
        String connection = bare.header("Connection");
        if (connection != null && connection.equalsIgnoreCase("close") || parts[0].equals("HTTP/1.0")) {
            close();
        }
        return new Answer(status, headers, body, false);
    }

    private String body(Answer a) throws IOException {
        String length = a.header("Content-Length");
        String encoding = a.header("Transfer-Encoding");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            for (int size = chunkSize(); size > 0; size = chunkSize()) {
                copy(size, body);
                line();
            }
            for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
                // trailers are not looked at
            }
        } else if (length != null) {
            copy(Integer.parseInt(length.trim()), body);
        } else {
            in.transferTo(body);
            close();
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    private int chunkSize() throws IOException {
        String size = line();
        if (size == null) {
            throw new IOException("chunked body cut short");
        }
        int semicolon = size.indexOf(';');
        return Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
    }

    private void copy(int n, ByteArrayOutputStream to) throws IOException {
        byte[] buf = new byte[8192];
        int left = n;
        while (left > 0) {
            int r = in.read(buf, 0, Math.min(buf.length, left));
            if (r < 0) {
                throw new IOException("body cut short");
            }
            if (to.size() < MAX_BODY) {
                to.write(buf, 0, r);
            }
            left -= r;
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != -1; c = in.read()) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection
            }
        }
        socket = null;
    }
}
