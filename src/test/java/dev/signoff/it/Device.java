package dev.signoff.it;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A client device: an HTTP client with its own cookie jar that follows no redirects, so tests see
 * every status and Set-Cookie. The jar keeps cookies by name and path, honours deletions
 * (Max-Age=0) and sends a cookie only under its path. Secure cookies are sent over plain HTTP
 * because every test runs on localhost, which browsers treat as a secure context.
 */
public final class Device {
    /** A stored cookie. */
    public record Cookie(String name, String value, String path, String raw) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final URI root;
    private final String contextPath;
    private final Map<String, Cookie> jar;
    private final Map<String, String> headers;

    /** @param contextUrl the deployment's URL, e.g. {@code http://localhost:8181/app/} */
    public Device(URI contextUrl) {
        this(contextUrl, new LinkedHashMap<>(), new LinkedHashMap<>());
    }

    private Device(URI contextUrl, Map<String, Cookie> jar, Map<String, String> headers) {
        this.root = URI.create(contextUrl.getScheme() + "://" + contextUrl.getAuthority());
        String path = contextUrl.getPath();
        this.contextPath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        this.jar = jar;
        this.headers = headers;
    }

    /**
     * The same browser reaching another node of a cluster (a load balancer without sticky
     * sessions): one cookie jar and one set of headers, shared with this device, sent to
     * {@code contextUrl}. Cookies are per host name, not per port, as in a browser.
     */
    public Device on(URI contextUrl) {
        return new Device(contextUrl, jar, headers);
    }

    /** A second device holding copies of this one's cookies (a stolen or copied cookie jar). */
    public Device copy() {
        Device copy = new Device(URI.create(root + contextPath + "/"));
        copy.jar.putAll(jar);
        return copy;
    }

    /** Sends this header with every request from now on, e.g. a browser's {@code User-Agent}. */
    public Device header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public String contextPath() {
        return contextPath;
    }

    public String origin() {
        return root.toString();
    }

    public Optional<Cookie> cookie(String name) {
        return jar.values().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public List<Cookie> cookies() {
        return new ArrayList<>(jar.values());
    }

    /** Drops every cookie of this name from the jar (e.g. a thief who copied all but the session cookie). */
    public void removeCookie(String name) {
        jar.values().removeIf(c -> c.name().equals(name));
    }

    /** Puts a raw cookie into the jar at this path. */
    public void setCookie(String name, String value, String path) {
        jar.put(name + "|" + path, new Cookie(name, value, path, ""));
    }

    /** Puts a raw cookie into the jar (path = context path), e.g. a forged or garbage one. */
    public void setCookie(String name, String value) {
        jar.put(name + "|" + (contextPath.isEmpty() ? "/" : contextPath), new Cookie(name, value, contextPath.isEmpty() ? "/" : contextPath, ""));
    }

    public Response get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    public Response post(String path, Map<String, String> form, String... headers) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path, headers)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A request with any method and no body (PATCH, TRACE, HEAD …). */
    public Response send(String method, String path, String... headers) {
        return send(request(path, headers).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    public Response delete(String path, String... headers) {
        return send(request(path, headers).DELETE());
    }

    /** Logs in through the demo's form and makes the first authenticated request (where SignOff binds). */
    public Response login(String user, String password) {
        Response login = post("/login", Map.of("username", user, "password", password));
        if (login.status() != 303) {
            throw new AssertionError("login of " + user + " failed: " + login);
        }
        Response app = get("/app/");
        if (app.status() != 200) {
            throw new AssertionError("after login of " + user + ", /app/ answered " + app);
        }
        return app;
    }

    /** A request to a path of the app with this device's cookies, for tests that read responses their own way. */
    HttpRequest.Builder request(String path, String... headers) {
        URI uri = URI.create(root + contextPath + path);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        this.headers.forEach(b::header);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        String requestPath = uri.getPath();
        String cookieHeader = jar.values().stream()
                .filter(c -> requestPath.startsWith(c.path()))
                .map(c -> c.name() + "=" + c.value())
                .collect(Collectors.joining("; "));
        if (!cookieHeader.isEmpty()) {
            b.header("Cookie", cookieHeader);
        }
        return b;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Response response = new Response(r.statusCode(), r.headers(), r.body());
            response.setCookies().forEach(this::store);
            return response;
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private void store(String header) {
        String[] parts = header.split(";");
        int eq = parts[0].indexOf('=');
        String name = parts[0].substring(0, eq).trim();
        String value = parts[0].substring(eq + 1).trim();
        String path = contextPath.isEmpty() ? "/" : contextPath;
        boolean delete = false;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            String lower = p.toLowerCase(Locale.ROOT);
            if (lower.startsWith("path=")) {
                path = p.substring(5);
            } else if (lower.equals("max-age=0") || lower.startsWith("expires=thu, 01 jan 1970") || lower.startsWith("expires=thu, 01-jan-1970")) {
                delete = true;
            }
        }
        String key = name + "|" + path;
        if (delete) {
            jar.remove(key);
        } else {
            jar.put(key, new Cookie(name, value, path, header));
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
