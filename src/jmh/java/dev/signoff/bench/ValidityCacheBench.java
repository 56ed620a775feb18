package dev.signoff.bench;

import dev.signoff.events.Purpose;
import dev.signoff.registry.SessionSnapshot;
import dev.signoff.registry.Tokens;
import dev.signoff.session.ValidityCache;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The filter's per-request check ({@link ValidityCache#check}) beside the floor it is compared
 * with: SHA-256 of a token plus one map lookup. See BENCHMARKS.md for the command and results.
 * <p>
 * 100,000 live sessions, served by an in-memory store (so reloads measure the cache logic, not a
 * database). Each operation takes the next entry of a pre-built array of random session picks
 * (counter &amp; mask), so the random number generator is not measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ValidityCacheBench {

    static final int SESSIONS = 100_000;
    static final int PICKS = 1 << 17;
    static final int MASK = PICKS - 1;

    static final Duration IDLE = Duration.ofMinutes(30);           // signoff.idle-timeout default
    static final Duration ABSOLUTE = Duration.ofHours(12);         // signoff.absolute-timeout default
    static final Duration LAST_SEEN_INTERVAL = Duration.ofMinutes(1); // signoff.last-seen-interval default

    /** Token and digest of the session picked by each operation (same index). */
    String[] pickedTokens;
    String[] pickedDigests;
    int next;

    /** Floor: digest to row, 100,000 entries. */
    ConcurrentHashMap<String, SessionSnapshot> floorMap;

    /** Staleness 1h: after the warm-up in setup, every check is a cache hit. */
    ValidityCache hot;
    /** Staleness 1s (the default): each entry is reloaded from the store once a second. */
    ValidityCache realistic;
    MapStore realisticStore;

    private long loadsAtIterationStart;
    private long iterationStart;

    @Setup(Level.Trial)
    public void setup() {
        long now = System.currentTimeMillis();
        String[] tokens = new String[SESSIONS];
        String[] digests = new String[SESSIONS];
        Map<String, SessionSnapshot> rows = new HashMap<>(SESSIONS * 2);
        floorMap = new ConcurrentHashMap<>(SESSIONS * 2);
        for (int i = 0; i < SESSIONS; i++) {
            tokens[i] = Tokens.newToken();
            digests[i] = Tokens.digest(tokens[i]);
            SessionSnapshot s = new SessionSnapshot(Tokens.newHandle(), digests[i], "user" + i, Purpose.SESSION,
                    now, now, now + IDLE.toMillis(), now + ABSOLUTE.toMillis(), null, null,
                    "203.0.113.7", "Mozilla/5.0 (bench)", "Unknown device");
            // Maps are keyed by copies, so a lookup compares all 64 characters, as for a fresh digest.
            rows.put(new String(digests[i]), s);
            floorMap.put(new String(digests[i]), s);
        }

        SplittableRandom random = new SplittableRandom(42);
        pickedTokens = new String[PICKS];
        pickedDigests = new String[PICKS];
        for (int i = 0; i < PICKS; i++) {
            int k = random.nextInt(SESSIONS);
            pickedTokens[i] = tokens[k];
            pickedDigests[i] = digests[k];
        }

        hot = new ValidityCache(new MapStore(rows), Clock.systemUTC(),
                new ValidityCache.Timing(Duration.ofHours(1), IDLE, LAST_SEEN_INTERVAL));
        realisticStore = new MapStore(rows);
        realistic = new ValidityCache(realisticStore, Clock.systemUTC(),
                new ValidityCache.Timing(Duration.ofSeconds(1), IDLE, LAST_SEEN_INTERVAL));
        for (String d : digests) {
            if (!hot.check(d).live() || !realistic.check(d).live()) {
                throw new IllegalStateException("warm-up: session not live");
            }
        }
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        loadsAtIterationStart = realisticStore.loads;
        iterationStart = System.nanoTime();
    }

    /** Store loads per second during the iteration; only the staleness-1s benchmark loads anything. */
    @TearDown(Level.Iteration)
    public void endIteration() {
        long loads = realisticStore.loads - loadsAtIterationStart;
        if (loads > 0) {
            double seconds = (System.nanoTime() - iterationStart) / 1e9;
            System.out.printf(" [store loads: %.0f/s]", loads / seconds);
        }
    }

    /** SHA-256 of the token, then one lookup in a 100,000-entry ConcurrentHashMap. */
    @Benchmark
    public void floor(Blackhole bh) {
        String token = pickedTokens[next++ & MASK];
        bh.consume(floorMap.get(Tokens.digest(token)));
    }

    /** The filter's hot path: the digest is kept in the HttpSession, so nothing is hashed. All hits. */
    @Benchmark
    public void check(Blackhole bh) {
        bh.consume(hot.check(pickedDigests[next++ & MASK]));
    }

    /** What a request that carries a token pays: its digest, then the check. All hits. */
    @Benchmark
    public void checkWithDigest(Blackhole bh) {
        String token = pickedTokens[next++ & MASK];
        bh.consume(hot.check(Tokens.digest(token)));
    }

    /** The hot path at the default staleness (1s): hits plus a reload of each entry once a second. */
    @Benchmark
    public void checkStaleness1s(Blackhole bh) {
        bh.consume(realistic.check(pickedDigests[next++ & MASK]));
    }

    /** Rows in a HashMap; touch always succeeds. Single-threaded benchmark, so a plain counter. */
    static final class MapStore implements ValidityCache.Store {
        private final Map<String, SessionSnapshot> rows;
        long loads;
        long touches;

        MapStore(Map<String, SessionSnapshot> rows) {
            this.rows = rows;
        }

        @Override
        public Optional<SessionSnapshot> load(String digest) {
            loads++;
            return Optional.ofNullable(rows.get(digest));
        }

        @Override
        public boolean touch(String handle, long now, long idleExpiresAt) {
            touches++;
            return true;
        }

        /** Nothing is revoked in this benchmark; a real store answers with one indexed query. */
        @Override
        public Map<String, dev.signoff.events.EndReason> revokedSince(long since) {
            return Map.of();
        }
    }
}
