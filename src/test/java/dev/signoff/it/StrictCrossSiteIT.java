package dev.signoff.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.signoff.it.SessionsApi.currentHandle;
import static dev.signoff.it.SessionsApi.error;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code signoff.cross-site.without-origin=refuse}: a state-changing request with cookies and
 * neither {@code Origin} nor {@code Sec-Fetch-Site} (nor a same-origin {@code Referer}) is refused
 * and changes nothing; one that names its origin goes through; one without cookies is unaffected.
 */
class StrictCrossSiteIT extends DemoIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("strict", "signoff.cross-site.without-origin", "refuse");
    }

    @Test
    void postOrDeleteWithCookiesAndNoOriginHeadersIsRefusedAndChangesNothing() {
        Device laptop = signedIn("alice");
        Device phone = signedIn("alice");

        Response logout = logOut(laptop, "/log_out/all", Map.of(), "Accept", JSON);
        Response delete = laptop.delete("/sessions/api/" + currentHandle(phone), "Accept", JSON);

        assertEquals(403, logout.status(), logout::toString);
        assertEquals("cross_site_request", error(logout));
        assertEquals(403, delete.status(), delete::toString);
        assertSignedIn(laptop, "alice");
        assertSignedIn(phone, "alice");
    }

    @Test
    void postWithItsOwnOriginOrSameOriginRefererGoesThrough() {
        Device laptop = signedIn("alice");
        Device phone = signedIn("alice");

        Response byReferer = logOut(phone, "/log_out", Map.of(), "Accept", JSON, "Referer", phone.origin() + "/app/sessions");
        Response byOrigin = logOut(laptop, "/log_out", Map.of(), "Accept", JSON, "Origin", laptop.origin());

        assertEquals(204, byReferer.status(), byReferer::toString);
        assertEquals(204, byOrigin.status(), byOrigin::toString);
        assertSignedOut(phone);
        assertSignedOut(laptop);
    }

    @Test
    void postWithoutCookiesIsNeverRefusedForLackingHeaders() {
        Response anonymous = logOut(device(), "/log_out", Map.of(), "Accept", JSON);

        assertEquals(204, anonymous.status(), anonymous::toString);
    }
}
