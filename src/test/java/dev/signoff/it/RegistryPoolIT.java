package dev.signoff.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The registry's pool can open connections inside a transaction. It does so whenever it grows
 * during a registry write; with a server DataSource behind {@code signoff.datasource} that is
 * itself transactional, the server enlists the same physical connection twice and the write fails
 * (Payara: "Local transaction already has 1 non-XA Resource"). So this fails when a
 * server-config recipe forgets to make that DataSource non-transactional.
 */
class RegistryPoolIT extends DemoIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("pool").addClass(PoolGrowthServlet.class);
    }

    @Test
    void poolOpensConnectionsInsideTransactions() {
        // The pool may keep a few idle connections: each round holds more, so the one taken inside
        // the transaction is a new physical connection in at least one of them.
        for (int hold : new int[] {3, 6, 10}) {
            Response r = device().post("/test/pool-growth", Map.of("hold", Integer.toString(hold)));
            assertEquals(200, r.status(), () -> "holding " + hold + " connections: " + r);
            assertEquals("ok", r.body(), r::toString);
        }
    }
}
