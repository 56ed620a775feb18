package dev.signoff.session;

import dev.signoff.config.Configuration;
import dev.signoff.events.LoggedOutEverywhere;
import dev.signoff.events.SessionEnded;
import dev.signoff.events.SessionStarted;
import dev.signoff.limit.SessionLimit;
import dev.signoff.metrics.SignOffMetrics;
import dev.signoff.registry.NewSession;
import dev.signoff.events.Purpose;
import dev.signoff.registry.SessionSnapshot;
import dev.signoff.registry.Tokens;
import dev.signoff.testing.ManualScheduler;
import dev.signoff.testing.MemoryRegistry;
import dev.signoff.testing.MutableClock;
import dev.signoff.testing.RecordingEvent;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;

/**
 * Session control wired the way CDI wires it, over the in-memory registry, a clock and a scheduler
 * the test drives: for unit tests of session control and of what uses it (logout, boundaries).
 */
public final class SessionRig {
    public static final Instant START = Instant.parse("2026-12-01T08:00:00Z");

    public final MutableClock clock = new MutableClock(START);
    public final MemoryRegistry registry = new MemoryRegistry();
    public final ManualScheduler scheduler = new ManualScheduler();
    public final SignOffMetrics metrics = new SignOffMetrics();
    public final RecordingEvent<SessionEnded> ended = new RecordingEvent<>();
    public final RecordingEvent<LoggedOutEverywhere> endedEverywhere = new RecordingEvent<>();
    public final RecordingEvent<SessionStarted> started = new RecordingEvent<>();
    public final Configuration configuration;
    public final SessionChecker checker = new SessionChecker();
    public final PendingEnds pending = new PendingEnds();
    public final Terminator terminator = new Terminator();
    public final SessionLimit limit = new SessionLimit();
    public final SessionOpener opener = new SessionOpener();

    public SessionRig() {
        this(Configuration.defaults());
    }

    public SessionRig(Configuration configuration) {
        this.configuration = configuration;
        checker.configuration = configuration;
        checker.registry = registry;
        checker.metrics = metrics;
        checker.clock = clock;
        checker.init();
        pending.scheduler = scheduler.executor();
        pending.terminator = terminator;
        terminator.registry = registry;
        terminator.checker = checker;
        terminator.pending = pending;
        terminator.metrics = metrics;
        terminator.clock = clock;
        terminator.sessionEnded = ended;
        terminator.loggedOutEverywhere = endedEverywhere;
        inject(limit, "configuration", configuration);
        inject(limit, "registry", registry);
        inject(limit, "clock", clock);
        opener.registry = registry;
        opener.configuration = configuration;
        opener.started = started;
        opener.limit = limit;
        opener.terminator = terminator;
        opener.clock = clock;
    }

    /** A live registry session of {@code user}, stored now, as the filter would bind it. */
    public SessionBinding open(String user) {
        long now = clock.millis();
        SessionSnapshot row = registry.open(new NewSession(Tokens.newHandle(), Tokens.digest(Tokens.newToken()), user,
                Purpose.SESSION, now, now + Duration.ofMinutes(30).toMillis(), now + Duration.ofHours(12).toMillis(),
                "203.0.113.7", "JUnit"));
        return new SessionBinding(row.handle(), row.tokenDigest(), user);
    }

    /** Sets a field of a bean of another package, the way the container's injection does. */
    static void inject(Object bean, String field, Object value) {
        try {
            Field f = bean.getClass().getDeclaredField(field);
            f.setAccessible(true);
            f.set(bean, value);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
