package dev.signoff.fuzz;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sends a bounded number of generated requests (in count and in time) from a few threads, each
 * with its own seeded {@link Generator} and kept-alive connection, and judges every answer: no
 * 5xx, and no answer to a request without the victim's valid credential that shows anything only
 * the victim may see. The state check (the victim still signed in, its sessions unchanged) is the
 * caller's, before and after: only it knows how to ask the app.
 */
public final class Campaign {
    private static final int KEPT_FAILURES = Integer.getInteger("fuzz.kept-failures", 20);

    /**
     * How much to send: {@code requests} from {@code threads} threads, stopping at {@code limit};
     * {@code seed} makes the run repeatable.
     *
     * @param toleratesContainerUriErrors count a 500 (a 503 from the Jakarta Authorization of an app with
     *                                    the container's login) to a {@link MalformedUri} apart instead of
     *                                    failing: for GlassFish 7.0, which answers those before any app
     *                                    code runs
     * @param toleratesNotImplemented     count every 501 apart: for an app whose own pages are served by the
     *                                    container's default servlet, which answers 501 to methods it does not
     *                                    implement (RFC 9110 §15.6.2); a 501 from outside the app's context
     *                                    (the server root's) is always counted apart
     * @param toleratesLibertyOwnErrors   count apart the two 500s Open Liberty answers before any code of the
     *                                    app and again on the way to its error page (SECURITY.md): to
     *                                    {@code Authorization: Basic} credentials without a {@code :}, and (its own page
     *                                    SRVE0232E, or nothing) to some paths with dot segments
     * @param mix                         which requests are sent: both kinds, or only one, to tell which
     *                                    kind changes the victim's state (SECURITY.md)
     */
    public record Plan(long requests, long seed, int threads, Duration limit, boolean toleratesContainerUriErrors,
                       boolean toleratesNotImplemented, boolean toleratesLibertyOwnErrors, Mix mix) {
        public Plan forAppOnDefaultServlet() {
            return new Plan(requests, seed, threads, limit, toleratesContainerUriErrors, true, toleratesLibertyOwnErrors, mix);
        }
    }

    /** Riding requests carry the victim's cookies (three in ten when mixed); anonymous ones do not. */
    public enum Mix {
        MIXED, RIDING, ANONYMOUS;

        /** {@code ""} (mixed), {@code riding} or {@code anonymous}; anything else is refused, not taken as mixed. */
        public static Mix named(String name) {
            return name.isEmpty() ? MIXED : valueOf(name.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** What a campaign saw. */
    public record Report(long sent, Map<Integer, Long> statuses, long unanswered, long streams,
                         long containerUriErrors, long notImplemented, long libertysOwnErrors, long failures,
                         List<String> firstFailures, Duration took, Map<String, String> victimCookies) {
        public boolean clean() {
            return failures == 0;
        }

        public String summary() {
            return String.format("%d requests in %d s: statuses %s; %d unanswered (connection closed by the server), "
                            + "%d event streams, %d of the container's own 500s to a malformed path and %d 501s of a "
                            + "default servlet (tolerated), %d of Open Liberty's own 500s no error page can answer (tolerated); %d failures%s",
                    sent, took.toSeconds(), statuses, unanswered, streams, containerUriErrors, notImplemented,
                    libertysOwnErrors, failures, firstFailures.isEmpty() ? "" : ":\n" + String.join("\n", firstFailures));
        }
    }

    private final Target target;
    private final List<String> jwts;
    private final Map<Integer, LongAdder> statuses = new ConcurrentSkipListMap<>();
    private final LongAdder unanswered = new LongAdder();
    private final LongAdder streams = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder containerUriErrors = new LongAdder();
    private final LongAdder notImplemented = new LongAdder();
    private final LongAdder libertysOwnErrors = new LongAdder();
    /** The first riding answers that replaced one of the victim's cookies: printed, to explain a state change. */
    private final List<String> replaced = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    private final Plan plan;
    /** The victim's cookies as a browser would hold them: a remember-me cookie a riding request rotated is the new value. */
    private final Map<String, String> victimJar;
    private final List<String> firstFailures = Collections.synchronizedList(new ArrayList<>());

    public Campaign(Target target, String issuer, String user, Plan plan) {
        this.target = target;
        this.plan = plan;
        this.victimJar = new java.util.concurrent.ConcurrentHashMap<>(target.victimCookies());
        this.jwts = CraftedTokens.forUser(issuer, user);
    }

    /** Sends the plan's requests, stopping early at its time limit. */
    public Report run() throws Exception {
        Instant start = Instant.now();
        Instant deadline = start.plus(plan.limit());
        AtomicLong left = new AtomicLong(plan.requests());
        AtomicLong sent = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(plan.threads());
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < plan.threads(); t++) {
                Generator generator = new Generator(plan.seed() * 31 + t, plan.mix(), target, victimJar, jwts);
                workers.add(pool.submit(() -> work(generator, left, sent, deadline)));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } finally {
            pool.shutdownNow();
        }
        replaced.forEach(r -> System.out.println("the victim's cookie " + r));
        Map<Integer, Long> counts = new ConcurrentSkipListMap<>();
        statuses.forEach((k, v) -> counts.put(k, v.sum()));
        return new Report(sent.get(), counts, unanswered.sum(), streams.sum(), containerUriErrors.sum(), notImplemented.sum(), libertysOwnErrors.sum(), failures.sum(),
                List.copyOf(firstFailures), Duration.between(start, Instant.now()), Map.copyOf(victimJar));
    }

    private Void work(Generator generator, AtomicLong left, AtomicLong sent, Instant deadline) {
        try (RawHttp http = new RawHttp(target.context().getHost(), target.context().getPort())) {
            while (left.getAndDecrement() > 0 && Instant.now().isBefore(deadline)) {
                Probe probe = generator.next();
                sent.incrementAndGet();
                try {
                    RawHttp.Answer answer = http.exchange(probe.bytes(target.hostHeader()), probe.head());
                    judge(probe, answer);
                    if (probe.riding()) {
                        keepRotated(probe, answer);
                    }
                } catch (RawHttp.Garbled e) {
                    garbled(probe, e);
                    http.close();
                } catch (IOException e) {
                    unanswered.increment();
                    http.close();
                }
            }
        }
        return null;
    }

    /** A new value the answer sets for one of the victim's cookies replaces the old one (a rotated remember-me token). */
    private void keepRotated(Probe probe, RawHttp.Answer answer) {
        for (String h : answer.headers()) {
            if (!h.regionMatches(true, 0, "Set-Cookie:", 0, 11)) {
                continue;
            }
            String cookie = h.substring(11).trim();
            int eq = cookie.indexOf('=');
            int end = cookie.indexOf(';');
            String name = eq < 0 ? "" : cookie.substring(0, eq).trim();
            String value = eq < 0 ? "" : cookie.substring(eq + 1, end < 0 ? cookie.length() : end).trim();
            boolean deletion = value.isEmpty() || cookie.toLowerCase(java.util.Locale.ROOT).contains("max-age=0");
            if (victimJar.containsKey(name) && !deletion) {
                String old = victimJar.put(name, value);
                if (!value.equals(old) && replaced.size() < KEPT_FAILURES) {
                    replaced.add(name + " replaced by the answer " + answer.status() + " to " + probe.describe()
                            + "\n  all its Set-Cookie: " + answer.headers().stream().filter(x -> x.regionMatches(true, 0, "Set-Cookie:", 0, 11)).toList());
                }
            }
        }
    }

    /** Bytes that are not an answer: the server desynchronised, or answered twice. */
    private void garbled(Probe probe, RawHttp.Garbled e) {
        failures.increment();
        if (firstFailures.size() < KEPT_FAILURES) {
            firstFailures.add("- garbled answer (" + e.getMessage() + ") after\n  " + probe.describe());
        }
    }

    private void judge(Probe probe, RawHttp.Answer answer) {
        statuses.computeIfAbsent(answer.status(), s -> new LongAdder()).increment();
        if (answer.streaming()) {
            streams.increment();
        }
        if (answer.streaming() && answer.status() == 200 && !probe.riding()) {
            fail(probe, answer, "an event stream opened for a request without the victim's credential");
        } else if ((answer.status() == 500 || answer.status() == 503) && plan.toleratesContainerUriErrors()
                && MalformedUri.test(probe.target())) {
            containerUriErrors.increment();
        } else if (answer.status() == 501 && (plan.toleratesNotImplemented()
                || MalformedUri.outside(probe.target(), target.contextPath()))) {
            notImplemented.increment();
        } else if (answer.status() == 500 && plan.toleratesLibertyOwnErrors() && libertysOwn(probe, answer)) {
            libertysOwnErrors.increment();
        } else if (answer.status() >= 500) {
            fail(probe, answer, "a server error");
        } else if (!probe.riding() && leaks(answer)) {
            fail(probe, answer, "shows the victim's data to a request without the victim's credential");
        }
    }

    /** Liberty's own 500s no error page of the app can answer (see the plan). */
    static boolean libertysOwn(Probe probe, RawHttp.Answer answer) {
        String target = new String(probe.target(), java.nio.charset.StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
        String path = target.split("\\?")[0].replace("%2e", ".");
        boolean dotSegment = path.contains("/./") || path.contains("/../") || path.endsWith("/.") || path.endsWith("/..");
        return basicWithoutColon(probe)
                || dotSegment && (answer.body().isBlank() || answer.body().contains("SRVE0232E")); // not the error page's JSON
    }

    /** Whether the probe sends Basic credentials that do not decode to {@code user:password}. */
    static boolean basicWithoutColon(Probe probe) {
        for (String[] header : probe.headers()) {
            if (header[0].equalsIgnoreCase("Authorization") && header[1].regionMatches(true, 0, "Basic ", 0, 6)) {
                try {
                    return !new String(java.util.Base64.getDecoder().decode(header[1].substring(6).trim()),
                            java.nio.charset.StandardCharsets.ISO_8859_1).contains(":");
                } catch (IllegalArgumentException e) {
                    return true; // not even Base64
                }
            }
        }
        return false;
    }

    private boolean leaks(RawHttp.Answer answer) {
        String text = String.join("\n", answer.headers()) + "\n" + answer.body();
        return target.markers().stream().anyMatch(text::contains);
    }

    private void fail(Probe probe, RawHttp.Answer answer, String why) {
        failures.increment();
        if (firstFailures.size() < KEPT_FAILURES) {
            String body = answer.body().length() > 400 ? answer.body().substring(0, 400) + "…" : answer.body();
            firstFailures.add("- " + why + ": " + answer.status() + " for\n  " + probe.describe() + "\n  answer: " + body);
        }
    }
}
