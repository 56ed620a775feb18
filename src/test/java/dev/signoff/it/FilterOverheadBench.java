package dev.signoff.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The filter's cost in one server, a benchmark (not run by the README's test command): wrk sends a
 * signed-in device's requests to one tiny servlet on a path SignOff checks and on a path excluded
 * from its filter ({@code signoff.exclude}), same JVM, same run, alternated in rounds
 * ({@code -Dsignoff.bench.rounds}, default 9) after a warm-up of each, the path that goes first
 * changing every round (the shared machine's speed drifts: a fixed order would lean the ratio the
 * drift's way); printed as ratios (checked ÷ excluded) of throughput and of p99. At the
 * staleness {@code -Dsignoff.bench.staleness} (default 1s; 0 reads the registry on every request). Needs {@code wrk} on
 * the PATH ({@code src/bench/filter-overhead.sh} installs it), and {@code taskset} with {@link #PIN}.
 * BENCHMARKS.md has the results.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FilterOverheadBench {
    @ArquillianResource
    URL base;

    private static final int ROUNDS = Integer.getInteger("signoff.bench.rounds", 9);
    private static final String SECONDS = System.getProperty("signoff.bench.seconds", "5");
    /** Long enough for the JIT to finish the checked path: after 10 s the rounds still climbed (0.62 → 0.96). */
    private static final String WARM_UP = System.getProperty("signoff.bench.warmup", "30");
    /**
     * {@code -Dsignoff.bench.pin=true}: the server (GlassFish embedded, this JVM) on CPU 0 and wrk on
     * CPU 1 ({@code taskset}), so that the two do not take each other's core in the middle of a run.
     */
    private static final boolean PIN = Boolean.getBoolean("signoff.bench.pin");
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern P99 = Pattern.compile("99%\\s+([0-9.]+)(us|ms|s)");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("overhead", "signoff.exclude", "/bench/excluded/*",
                        "signoff.staleness", System.getProperty("signoff.bench.staleness", "1s"))
                .addClass(EchoServlet.class);
    }

    @Test
    void throughputAndP99ThroughTheFilterAgainstAnExcludedPath() throws Exception {
        measure("staleness " + System.getProperty("signoff.bench.staleness", "1s"), base);
    }

    private static void measure(String mode, URL base) throws Exception {
        if (PIN) {
            run("taskset", "-a", "-p", "-c", "0", Long.toString(ProcessHandle.current().pid()));
        }
        Device d = new Device(URI.create(base.toString()));
        d.login("alice", "alice-pw");
        String cookie = "JSESSIONID=" + d.cookie("JSESSIONID").orElseThrow().value();
        assertEquals(200, d.get("/bench/checked/x").status(), "the signed-in device is served");
        String checked = base + "bench/checked/x";
        String excluded = base + "bench/excluded/x";
        wrk(checked, cookie, WARM_UP);
        wrk(excluded, cookie, WARM_UP);
        List<double[]> pairs = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            double[][] both = round(round, checked, excluded, cookie);
            double[] c = both[0];
            double[] e = both[1];
            pairs.add(new double[]{c[0] / e[0], e[1] / c[1]});
            System.out.printf("FilterOverheadBench: %s, round %d: checked %.0f req/s p99 %.2f ms, excluded %.0f req/s p99 %.2f ms,"
                    + " throughput ratio %.3f, p99 ratio (excluded/checked) %.3f%n", mode, round, c[0], c[1], e[0], e[1], c[0] / e[0], e[1] / c[1]);
        }
        System.out.printf("FilterOverheadBench: %s, median of %d rounds: throughput ratio %.3f, p99 ratio %.3f%n",
                mode, ROUNDS, median(pairs, 0), median(pairs, 1));
        assertEquals(200, d.get("/bench/checked/x").status(), "still signed in: the load was served, not refused");
    }

    /** One round, checked then excluded or the other way round: {@link #wrk} of each, checked first in the answer. */
    private static double[][] round(int round, String checked, String excluded, String cookie) throws IOException, InterruptedException {
        if (round % 2 == 1) {
            double[] c = wrk(checked, cookie, SECONDS);
            return new double[][]{c, wrk(excluded, cookie, SECONDS)};
        }
        double[] e = wrk(excluded, cookie, SECONDS);
        return new double[][]{wrk(checked, cookie, SECONDS), e};
    }

    /** Requests per second and p99 in ms of one wrk run: 1 thread, 8 connections, the device's cookie. */
    private static double[] wrk(String url, String cookie, String seconds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(PIN ? List.of("taskset", "-c", "1") : List.of());
        command.addAll(List.of("wrk", "-t1", "-c8", "-d" + seconds + "s", "--latency", "-H", "Cookie: " + cookie, url));
        String out = run(command.toArray(String[]::new));
        assertTrue(!out.contains("Non-2xx"), () -> "refused or failed requests: " + out);
        Matcher rate = RATE.matcher(out);
        Matcher p99 = P99.matcher(out);
        assertTrue(rate.find() && p99.find(), out);
        double ms = Double.parseDouble(p99.group(1)) * switch (p99.group(2)) {
            case "us" -> 0.001;
            case "s" -> 1000;
            default -> 1;
        };
        return new double[]{Double.parseDouble(rate.group(1)), ms};
    }

    /** Runs a command to its end; its output, which names the failure if it fails. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    private static double median(List<double[]> pairs, int column) {
        double[] values = pairs.stream().mapToDouble(v -> v[column]).sorted().toArray();
        return values[values.length / 2];
    }
}
