package dev.signoff.it.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One cluster node: a Payara Micro process of its own (its own JVM, HTTP port and Hazelcast
 * port), started by the admin's {@code server-config/payara/cluster-node.sh}: it joins the other
 * nodes' data grid by TCP/IP and replicates the HttpSessions of distributable apps there; the
 * registry's pool comes from {@code post-boot-commands.asadmin}, as in production. Its console
 * goes to {@code <dir>/node-<name>.log}.
 */
public final class PayaraNode implements AutoCloseable {
    /** Where a node's files are and what it joins. */
    public record Setup(Path payaraJar, Path jdbcDriver, Path script, Path dir, String clusterName,
                        List<Integer> clusterPorts, Map<String, String> database, List<Path> wars) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int httpPort;
    private final Path log;
    private final Process process;

    private PayaraNode(String name, int httpPort, Path log, Process process) {
        this.name = name;
        this.httpPort = httpPort;
        this.log = log;
        this.process = process;
    }

    /** Starts the node through the admin's script; {@link #awaitReady} waits for its apps. */
    public static PayaraNode start(Setup setup, String name, int httpPort, int clusterPort) throws IOException {
        List<String> command = new ArrayList<>(List.of("sh", setup.script().toString()));
        setup.wars().forEach(war -> command.add(war.toString()));
        Path log = setup.dir().resolve("node-" + name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.putAll(setup.database());
        env.put("NODE_NAME", name);
        env.put("HTTP_PORT", String.valueOf(httpPort));
        env.put("CLUSTER_PORT", String.valueOf(clusterPort));
        env.put("CLUSTER_MEMBERS", String.join(",", setup.clusterPorts().stream().map(p -> "127.0.0.1:" + p).toList()));
        env.put("CLUSTER_NAME", setup.clusterName());
        env.put("PAYARA_MICRO_JAR", setup.payaraJar().toString());
        env.put("JDBC_DRIVER", setup.jdbcDriver().toString());
        env.put("WORK_DIR", setup.dir().resolve("node-" + name).toString());
        // Kept across restarts of the node, like its disk: the ends it took while the registry was down.
        env.put("SIGNOFF_PENDING_ENDS", setup.dir().resolve("node-" + name).resolve("pending-ends").toString());
        // C1 only: each node boots in about half the time on this 2-core machine.
        env.put("JAVA_OPTS", "-XX:TieredStopAtLevel=1 -Xmx512m");
        env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        return new PayaraNode(name, httpPort, log, builder.start());
    }

    /** The URL of an app deployed from {@code <contextRoot>.war}, e.g. {@code http://localhost:28081/cluster/}. */
    public URI app(String contextRoot) {
        return URI.create("http://localhost:" + httpPort + "/" + contextRoot + "/");
    }

    /** Waits until every app answers its login page (Payara Micro serves before deployments end). */
    public PayaraNode awaitReady(Duration timeout, String... contextRoots) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String root : contextRoots) {
            while (!answers(app(root).resolve("login"))) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("node " + name + " exited with " + process.exitValue() + "; see " + log);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("node " + name + " not ready after " + timeout + "; see " + log);
                }
                Thread.sleep(250);
            }
        }
        return this;
    }

    /** {@code kill -9}: no shutdown hook, no finished transaction, nothing flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            kill();
        }
    }

    private static boolean answers(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

}
