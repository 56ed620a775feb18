package dev.signoff.fuzz;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The fuzz command, against a running demo: {@code src/fuzz/fuzz.sh --url http://localhost:8080/}
 * (see SECURITY.md). Signs {@code bob} in as the victim, sends the campaign, and exits 1 when any
 * answer was a 5xx or showed the victim's data to a request without the victim's credential, or
 * when the victim's state changed (signed out, a session more or less, its refresh token spent).
 */
public final class Fuzz {
    private Fuzz() {
    }

    public static void main(String[] args) throws Exception {
        URI url = URI.create(option(args, "--url", "http://localhost:8080/"));
        long requests = Long.parseLong(option(args, "--requests", "100000"));
        long seed = Long.parseLong(option(args, "--seed", "1"));
        int threads = Integer.parseInt(option(args, "--threads", "4"));
        Duration limit = Duration.ofMinutes(Long.parseLong(option(args, "--minutes", "30")));
        boolean tolerate = List.of(args).contains("--tolerate-container-uri-errors");
        boolean liberty = List.of(args).contains("--tolerate-liberty-own-errors");
        Campaign.Mix mix = Campaign.Mix.named(option(args, "--only", ""));

        Victim victim = Victim.ofDemo(url, "bob", "bob-pw");
        List<String> problems = run(victim, demoPaths(), new Campaign.Plan(requests, seed, threads, limit, tolerate, false, liberty, mix));
        problems.forEach(System.out::println);
        System.exit(problems.isEmpty() ? 0 : 1);
    }

    public static List<String> demoPaths() {
        List<String> paths = new ArrayList<>(Target.DEMO_PATHS);
        paths.addAll(Target.SIGNOFF_PATHS);
        return paths;
    }

    /** Runs one campaign on the victim and returns what went wrong, nothing when all held. */
    public static List<String> run(Victim victim, List<String> paths, Campaign.Plan plan) throws Exception {
        String before = victim.state();
        Campaign.Report report = new Campaign(victim.target(paths), "signoff-demo", victim.user(), plan).run();
        System.out.println("fuzz (seed " + plan.seed() + "): " + report.summary());
        victim.adopt(report.victimCookies());
        String after = victim.state();
        List<String> problems = new ArrayList<>();
        if (!report.clean()) {
            problems.add(report.failures() + " answers failed (see above)");
        }
        if (report.sent() < plan.requests()) {
            problems.add("only " + report.sent() + " of " + plan.requests() + " requests were sent within " + plan.limit());
        }
        if (!before.contains("signed in: true") || !after.equals(before)) {
            problems.add("the victim's state changed: before " + before + ", after " + after);
        }
        if (!victim.refreshStillWorks()) {
            problems.add("the victim's refresh token no longer refreshes");
        }
        return problems;
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
