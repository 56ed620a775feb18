package dev.signoff.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Many requests race "log out everywhere": none that starts after it returns is accepted. */
class LogoutRaceIT extends DemoIT {
    private static final int DEVICES = 4;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("race");
    }

    /** One request: when it started and what it got. */
    record Attempt(long startedNanos, int status) {
    }

    @Test
    void noRequestStartedAfterLogOutEverywhereReturnedIsAccepted() throws Exception {
        Device trigger = signedIn("alice");
        List<Device> others = new ArrayList<>();
        for (int i = 0; i < DEVICES; i++) {
            others.add(signedIn("alice"));
        }
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(DEVICES);
        List<Future<List<Attempt>>> results = new ArrayList<>();
        for (Device d : others) {
            results.add(pool.submit(() -> {
                List<Attempt> attempts = new ArrayList<>();
                while (!stop.get()) {
                    long started = System.nanoTime();
                    attempts.add(new Attempt(started, d.get("/api/me", "Accept", JSON).status()));
                }
                return attempts;
            }));
        }
        Thread.sleep(400);
        Response all = logOut(trigger, "/log_out/all", Map.of(), "Accept", JSON);
        long returned = System.nanoTime();
        assertEquals(204, all.status(), all::toString);
        Thread.sleep(600);
        stop.set(true);
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));

        int before = 0;
        int after = 0;
        for (Future<List<Attempt>> f : results) {
            for (Attempt a : f.get()) {
                if (a.startedNanos() > returned) {
                    after++;
                    assertEquals(401, a.status(), "a request started after log out everywhere returned was accepted");
                } else if (a.status() == 200) {
                    before++;
                }
            }
        }
        assertTrue(before > 0, "the race needs requests accepted before the logout");
        assertTrue(after > 0, "the race needs requests after the logout");
    }
}
