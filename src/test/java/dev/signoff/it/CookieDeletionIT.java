package dev.signoff.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cookies are deleted with exactly the attributes they were set with: the container's session cookie
 * under a non-root context path (hardened to Secure, HttpOnly, SameSite=Lax), and an app cookie set
 * at two paths, one with a Domain.
 */
class CookieDeletionIT extends DemoIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("shop",
                        "signoff.session-cookie.secure", "true",
                        "signoff.cookies", "remember_me; Path=/; Domain=localhost; Secure; HttpOnly; SameSite=Lax,"
                                + " remember_me; Path=/shop/legacy; HttpOnly")
                .addClass(AppCookieServlet.class);
    }

    @Test
    void sessionCookieIsHardenedAndDeletedWithTheAttributesItWasSetWith() {
        Device d = device();
        Response app = d.login("alice", "alice-pw");
        List<String> set = app.setCookies("JSESSIONID");
        assertEquals(1, set.size(), "the login's first request rotates the session id: " + app);
        Map<String, String> setAttributes = attributes(set.get(0));
        assertEquals("/shop", setAttributes.get("path"), "the session cookie lives under the context path");
        assertTrue(setAttributes.containsKey("secure"), "hardened: Secure");
        assertTrue(setAttributes.containsKey("httponly"), "hardened: HttpOnly");
        assertEquals("Lax", setAttributes.get("samesite"), "hardened: SameSite=Lax");

        Response logout = logOut(d, "/log_out", Map.of());
        List<String> deleted = logout.setCookies("JSESSIONID");
        assertFalse(deleted.isEmpty(), logout::toString);
        // WildFly adds its own deletion of the invalidated session's cookie after SignOff's: harmless,
        // as long as every one is a deletion with the same attributes (no fresh cookie after it).
        deleted.forEach(header -> assertDeletes(header, setAttributes));
        assertTrue(d.cookie("JSESSIONID").isEmpty(), "the deletion removed the cookie from the jar");
    }

    @Test
    void appCookieVariantsAreEachDeletedWithTheirOwnPathAndDomain() {
        Device d = signedIn("bob");
        d.get("/test/cookies");
        assertEquals(2, d.cookies().stream().filter(c -> c.name().equals("remember_me")).count());

        Response logout = logOut(d, "/log_out", Map.of());
        List<String> deleted = logout.setCookies("remember_me");
        assertEquals(2, deleted.size(), logout::toString);
        assertDeletes(deleted.get(0), attributes(AppCookieServlet.ROOT_VARIANT));
        assertDeletes(deleted.get(1), attributes(AppCookieServlet.legacyVariant(d.contextPath())));
        assertTrue(d.cookies().stream().noneMatch(c -> c.name().equals("remember_me")), () -> "left: " + d.cookies());
    }

    private static void assertDeletes(String deletion, Map<String, String> original) {
        String lower = deletion.toLowerCase(Locale.ROOT);
        assertTrue(lower.contains("max-age=0"), deletion);
        // An Expires in the past: SignOff writes 1970; Liberty re-serializes every Set-Cookie header in its own
        // deletion form (1994) once its <samesite> setting is on, as in the test server.
        assertTrue(lower.contains("expires=thu, 01 jan 1970 00:00:00 gmt") || lower.contains("expires=thu, 01-jan-1970 00:00:00 gmt")
                || lower.contains("expires=thu, 01 dec 1994 16:00:00 gmt"), deletion);
        assertEquals(original, attributes(deletion), "deletion must repeat the attributes exactly: " + deletion);
    }

    /** Path, Domain, Secure, HttpOnly and SameSite of a Set-Cookie header; lifetime attributes left out. */
    private static Map<String, String> attributes(String header) {
        Map<String, String> a = new TreeMap<>();
        String[] parts = header.split(";");
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            int eq = p.indexOf('=');
            String key = (eq < 0 ? p : p.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            if (!key.equals("max-age") && !key.equals("expires") && !key.isEmpty()) {
                a.put(key, eq < 0 ? "" : p.substring(eq + 1).trim());
            }
        }
        return a;
    }
}
