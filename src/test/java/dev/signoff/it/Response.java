package dev.signoff.it;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Optional;

/** One HTTP response as a test sees it. */
public record Response(int status, HttpHeaders headers, String body) {

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public String location() {
        return header("Location").orElseThrow(() -> new AssertionError("no Location header, status " + status));
    }

    /** Every Set-Cookie header, raw. */
    public List<String> setCookies() {
        return headers.allValues("Set-Cookie");
    }

    /** The Set-Cookie headers for one cookie name. */
    public List<String> setCookies(String name) {
        return setCookies().stream().filter(h -> h.startsWith(name + "=")).toList();
    }

    @Override
    public String toString() {
        return status + " " + headers.map() + "\n" + (body.length() > 500 ? body.substring(0, 500) + "…" : body);
    }
}
