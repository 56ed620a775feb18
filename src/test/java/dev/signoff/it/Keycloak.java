package dev.signoff.it;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Keycloak server the test starts itself: the distribution Maven unpacked
 * ({@code signoff.keycloak.home}), run in development mode on a JDK 21+ ({@code signoff.keycloak.java})
 * with a fresh database and the realm of {@code src/test/resources/keycloak/signoff-realm.json}
 * (realm {@code signoff}, confidential client {@code demo} whose back-channel logout URL is the test
 * app's receiver, users alice and bob). Its output goes to {@code signoff.keycloak.log}. Also the
 * admin REST calls the tests make as a Keycloak administrator would.
 */
final class Keycloak implements AutoCloseable {
    static final int PORT = 8090;
    static final String BASE = "http://localhost:" + PORT;
    static final String ISSUER = BASE + "/realms/signoff";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;

    private Keycloak(Process process) {
        this.process = process;
    }

    static Keycloak start() throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty("signoff.keycloak.home", "target/keycloak/keycloak-26.5.6"));
        Path log = Path.of(System.getProperty("signoff.keycloak.log", "target/keycloak.log"));
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("no Keycloak at " + home + ": run with -Dsignoff.it.keycloak.skip=false (fetch-keycloak unpacks it)");
        }
        deleteTree(home.resolve("data"));
        Files.createDirectories(home.resolve("data/import"));
        Files.copy(Path.of("src/test/resources/keycloak/signoff-realm.json"), home.resolve("data/import/signoff-realm.json"));
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev", "--http-port", String.valueOf(PORT),
                "--import-realm").redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("JAVA_HOME", System.getProperty("signoff.keycloak.java", "/usr/lib/jvm/temurin-25-jdk-amd64"));
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        // jboss-threads reaches into java.lang on JDK 25 when it stops.
        env.put("JAVA_OPTS_APPEND", "--add-opens java.base/java.lang=ALL-UNNAMED");
        Keycloak keycloak = new Keycloak(pb.start());
        keycloak.awaitRealm(log);
        return keycloak;
    }

    private void awaitRealm(Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited (" + process.exitValue() + "), see " + log);
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(ISSUER + "/.well-known/openid-configuration")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Keycloak did not serve its realm within 240 s, see " + log);
    }

    /** An administrator's access token (master realm, admin-cli). */
    String adminToken() {
        Map<String, Object> token = json(post(BASE + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"), null));
        return (String) token.get("access_token");
    }

    String userId(String admin, String username) {
        String body = call("GET", BASE + "/admin/realms/signoff/users?exact=true&username=" + username, admin);
        return (String) array(body).get(0).get("id");
    }

    /** The ids of the user's Keycloak sessions: the {@code sid} of their tokens. */
    List<String> sessions(String admin, String userId) {
        return array(call("GET", BASE + "/admin/realms/signoff/users/" + userId + "/sessions", admin)).stream()
                .map(s -> (String) s.get("id")).toList();
    }

    /** An administrator ends one Keycloak session (Keycloak sends its clients a back-channel logout token). */
    void endSession(String admin, String sessionId) {
        call("DELETE", BASE + "/admin/realms/signoff/sessions/" + sessionId, admin);
    }

    /** An administrator signs the user out of every Keycloak session ("Sign out" on the user's page). */
    void logOutUser(String admin, String userId) {
        call("POST", BASE + "/admin/realms/signoff/users/" + userId + "/logout", admin);
    }

    private static String call(String method, String url, String admin) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + admin)
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String post(String url, Map<String, String> form, String admin) {
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (admin != null) {
            b.header("Authorization", "Bearer " + admin);
        }
        HttpResponse<String> response = send(b.build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> json(String body) {
        try {
            return JSONObjectUtils.parse(body);
        } catch (java.text.ParseException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> array(String body) {
        try {
            return JSONArrayUtils.parse(body).stream().map(o -> (Map<String, Object>) o).toList();
        } catch (java.text.ParseException e) {
            throw new IllegalStateException("not a JSON array: " + body, e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        // kc.sh may stay as the parent of Keycloak's JVM: stop the JVM, then the script.
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
