package dev.signoff.testing;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A managed scheduler whose one-shot tasks run when the test says ({@link #runDue()}), so that
 * retry and tick logic is tested without waiting. Periodic scheduling is refused on purpose:
 * SignOff must not use it (GlassFish tears a periodic task's context down after its first run).
 */
public final class ManualScheduler {
    private final List<Runnable> waiting = new ArrayList<>();
    private final List<Long> delaysMillis = new ArrayList<>();
    private int cancelled;

    public ManagedScheduledExecutorService executor() {
        return (ManagedScheduledExecutorService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ManagedScheduledExecutorService.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "schedule" -> {
                            waiting.add((Runnable) args[0]);
                            delaysMillis.add(((TimeUnit) args[2]).toMillis((Long) args[1]));
                            return future();
                        }
                        case "execute" -> {
                            ((Runnable) args[0]).run();
                            return null;
                        }
                        case "hashCode" -> {
                            return System.identityHashCode(proxy);
                        }
                        case "equals" -> {
                            return proxy == args[0];
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    /** Runs the tasks scheduled so far (not those they schedule); returns how many ran. */
    public int runDue() {
        List<Runnable> due = new ArrayList<>(waiting);
        waiting.clear();
        due.forEach(Runnable::run);
        return due.size();
    }

    /** Tasks waiting to run. */
    public int waiting() {
        return waiting.size();
    }

    /** The delays asked for, in milliseconds, in order. */
    public List<Long> delaysMillis() {
        return delaysMillis;
    }

    /** How many scheduled tasks were cancelled. */
    public int cancelled() {
        return cancelled;
    }

    private ScheduledFuture<?> future() {
        return (ScheduledFuture<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ScheduledFuture.class}, (proxy, method, args) -> {
                    if (method.getName().equals("cancel")) {
                        cancelled++;
                        return true;
                    }
                    if (method.getName().equals("getDelay")) {
                        return 0L;
                    }
                    if (method.getName().equals("compareTo")) {
                        return Long.compare(0, ((Delayed) args[0]).getDelay(TimeUnit.MILLISECONDS));
                    }
                    return method.getName().equals("isDone") ? false : null;
                });
    }
}
