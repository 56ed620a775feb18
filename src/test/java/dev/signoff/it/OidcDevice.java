package dev.signoff.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One device that signs in through an OpenID Provider's login page over plain HTTP, following the
 * redirects between the app and the provider as a browser does. Its cookies are kept per host, not
 * per port, as a browser keeps them, and sent without regard to {@code Secure}: Keycloak marks its
 * cookies {@code Secure} even on {@code http://localhost}, which browsers treat as a secure origin.
 */
final class OidcDevice {
    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** The final answer after redirects, and where it came from. */
    record Page(URI uri, int status, String body) {
    }

    /**
     * Opens a protected page of the app, signs in on the provider's login page it is sent to, and
     * follows the redirects back: the app's page, as the signed-in user sees it.
     */
    Page signIn(URI protectedPage, String user, String password) {
        Page login = open(protectedPage);
        Matcher form = LOGIN_FORM.matcher(login.body());
        if (login.status() != 200 || !form.find()) {
            throw new IllegalStateException("expected the provider's login page, got " + login);
        }
        URI action = URI.create(form.group(1).replace("&amp;", "&"));
        return follow(request(action).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", user, "password", password, "credentialId", ""))))
                .build());
    }

    /** GET, following redirects. */
    Page open(URI uri) {
        return follow(request(uri).GET().build());
    }

    /** GET asking for JSON, no redirects followed. */
    HttpResponse<String> getJson(URI uri) {
        return send(request(uri).header("Accept", "application/json").GET().build());
    }

    /** POST of a form, no redirects followed; {@code headers} as name, value pairs. */
    HttpResponse<String> post(URI uri, Map<String, String> fields, String... headers) {
        HttpRequest.Builder b = request(uri).header("Content-Type", "application/x-www-form-urlencoded");
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.POST(HttpRequest.BodyPublishers.ofString(form(fields))).build());
    }

    private Page follow(HttpRequest first) {
        HttpRequest request = first;
        for (int hop = 0; hop < 10; hop++) {
            HttpResponse<String> r = send(request);
            if (r.statusCode() / 100 != 3) {
                return new Page(r.uri(), r.statusCode(), r.body());
            }
            URI next = r.uri().resolve(r.headers().firstValue("Location").orElseThrow());
            request = request(next).GET().build();
        }
        throw new IllegalStateException("more than 10 redirects from " + first.uri());
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (!cookies.isEmpty()) {
            b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            r.headers().allValues("Set-Cookie").forEach(this::keep);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void keep(String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        int eq = pair.indexOf('=');
        String name = pair.substring(0, eq).trim();
        String value = pair.substring(eq + 1).trim();
        String lower = setCookie.toLowerCase(java.util.Locale.ROOT);
        if (value.isEmpty() || value.equals("\"\"") || lower.contains("max-age=0") || lower.contains("expires=thu, 01 jan 1970")) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
