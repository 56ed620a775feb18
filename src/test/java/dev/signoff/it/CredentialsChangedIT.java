package dev.signoff.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** CredentialsChanged: a password change ends the other sessions, an e-mail change ends them all. */
class CredentialsChangedIT extends DemoIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("credentials");
    }

    @Test
    void passwordChangeEndsEveryOtherSessionButKeepsThisOne() {
        Device here = signedIn("bob");
        Device there = signedIn("bob");
        Device alice = signedIn("alice");
        Response r = here.post("/app/account/password", Map.of("current", "bob-pw", "new", "bob-new-pw"));
        assertEquals(303, r.status(), r::toString);
        assertSignedIn(here, "bob");
        assertSignedOut(there);
        assertSignedIn(alice, "alice");
        Response back = here.post("/app/account/password", Map.of("current", "bob-new-pw", "new", "bob-pw"));
        assertEquals(303, back.status(), back::toString);
        assertSignedIn(here, "bob");
    }

    @Test
    void wrongCurrentPasswordChangesNothing() {
        Device here = signedIn("bob");
        Device there = signedIn("bob");
        Response r = here.post("/app/account/password", Map.of("current", "wrong", "new", "x"));
        assertEquals(400, r.status(), r::toString);
        assertSignedIn(here, "bob");
        assertSignedIn(there, "bob");
    }

    @Test
    void emailChangeEndsEverySessionThisOneToo() {
        Device here = signedIn("alice");
        Device there = signedIn("alice");
        Response r = here.post("/app/account/email", Map.of("email", "alice@example.com"));
        assertEquals(303, r.status(), r::toString);
        assertSignedOut(here);
        assertSignedOut(there);
    }
}
