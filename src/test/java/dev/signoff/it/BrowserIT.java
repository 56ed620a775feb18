package dev.signoff.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real-browser scenarios: headless Chromium with signoff.js on the demo's pages. Deployed with
 * {@code Clear-Site-Data} off, so that storage is gone only if signoff.js cleared it.
 */
class BrowserIT extends DemoIT {
    private static final String SIGN_OUT = "form[action$='/sessions/log_out'] button[type=submit]";
    private static final String PROTECTED = "Signed in as";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("browser", "signoff.clear-site-data", "none");
    }

    private String base() {
        return base.toString();
    }

    @Test
    void deviceSignedOutFromAnotherDeviceLeavesForTheLoginPageWithoutAClick() {
        try (Browser laptop = Browser.start(base()); Browser phone = Browser.start(base())) {
            // 1. The laptop signs in and signs every older session of alice out ("everywhere else").
            laptop.logIn("alice");
            laptop.open("app/sessions");
            WebElement everywhereElse = laptop.find("input[name=keep_current] ~ button");
            if (everywhereElse.isEnabled()) { // disabled when alice has no other session (a fresh registry)
                everywhereElse.click();
                laptop.waitUntil(d -> laptop.text().contains("All your other devices were signed out."), "the notice");
            }
            assertEquals(1, laptop.driver().findElements(By.cssSelector("li.device")).size(), laptop::text);
            // 2. The phone signs in, keeps the devices page open and something in localStorage.
            phone.logIn("alice");
            phone.open("app/sessions");
            phone.waitForLiveSignOut();
            phone.script("localStorage.setItem('demo.draft', 'half-written message')");
            String phoneHandle = (String) phone.script("return document.querySelector('li.device.current').dataset.handle");
            // 3. The laptop's devices page lists both; screenshots for the README.
            laptop.open("app/sessions");
            laptop.waitForLiveSignOut();
            assertEquals(2, laptop.driver().findElements(By.cssSelector("li.device")).size(), laptop::text);
            screenshots(laptop);
            // 4. The laptop signs the phone out.
            laptop.find("li[data-handle='" + phoneHandle + "'] button[type=submit]").click();
            // 5. Nobody touches the phone: its page shows the notice, then the login page.
            phone.waitUntil(d -> !d.findElements(By.cssSelector(".signoff-notice")).isEmpty(), "the signed-out notice");
            assertEquals("You were signed out.", phone.find(".signoff-notice").getText());
            phone.waitUntil(d -> phone.path().endsWith("/login"), "the login page");
            phone.waitUntil(d -> phone.text().contains("You were signed out from another device."), "the login page's notice");
            assertNull(phone.script("return localStorage.getItem('demo.draft')"), "localStorage cleared");
            // 6. The laptop stays signed in; the phone's row went away without a page load (sessions.js).
            laptop.waitUntil(d -> d.findElements(By.cssSelector("li[data-handle='" + phoneHandle + "']")).isEmpty(),
                    "the phone's row to go");
            assertTrue(laptop.text().contains("was signed out."), laptop::text);
            laptop.open("app/sessions");
            assertTrue(laptop.text().contains("This device"), laptop::text);
            assertEquals(1, laptop.driver().findElements(By.cssSelector("li.device")).size(), laptop::text);
        }
    }

    @Test
    void afterLogoutBackShowsNoProtectedContentAndReloadLandsOnLogin() {
        try (Browser b = Browser.start(base())) {
            b.logIn("alice");
            b.open("app/sessions");
            b.waitForLiveSignOut();
            b.open("app/");
            b.waitForLiveSignOut();
            assertTrue(b.text().contains(PROTECTED), b::text);

            b.find(SIGN_OUT).click();
            b.waitUntil(d -> b.path().endsWith("/login"), "the login page");
            assertTrue(b.text().contains("You were signed out."), b::text);

            b.driver().navigate().back();
            String afterBack = b.text();
            assertFalse(afterBack.contains("Your devices") || afterBack.contains(PROTECTED), "Back showed: " + afterBack);
            b.waitUntil(d -> b.path().endsWith("/login"), "Back to end on the login page");

            b.driver().navigate().refresh();
            assertTrue(b.path().endsWith("/login"), b::url);
            b.open("app/");
            assertTrue(b.path().endsWith("/login"), b::url);
            assertFalse(b.text().contains(PROTECTED), b::text);
        }
    }

    @Test
    void logoutInOneTabSignsTheOtherTabOut() {
        try (Browser b = Browser.start(base())) {
            b.logIn("alice");
            String first = b.driver().getWindowHandle();
            b.driver().switchTo().newWindow(WindowType.TAB);
            b.open("app/sessions");
            b.waitForLiveSignOut();
            String second = b.driver().getWindowHandle();

            b.driver().switchTo().window(first);
            b.find(SIGN_OUT).click();
            b.waitUntil(d -> b.path().endsWith("/login"), "the login page in the first tab");

            b.driver().switchTo().window(second);
            b.waitUntil(d -> b.path().endsWith("/login"), "the login page in the second tab");
            assertTrue(b.text().contains("You were signed out."), b::text);
            assertFalse(b.text().contains("Your devices"), b::text);
        }
    }

    @Test
    void sevenTabsStillLoadAndAllSignOutTogether() {
        // Browsers allow six HTTP/1.1 connections per host; a stream per tab would stall the seventh page.
        try (Browser b = Browser.start(base())) {
            b.logIn("alice");
            for (int i = 2; i <= 7; i++) {
                b.driver().switchTo().newWindow(WindowType.TAB);
                b.open(i % 2 == 0 ? "app/sessions" : "app/");
                b.waitForLiveSignOut();
                assertTrue(b.text().contains("alice"), "tab " + i + ": " + b.text());
            }
            b.find(SIGN_OUT).click(); // the seventh tab shows the account page

            for (String tab : b.driver().getWindowHandles()) {
                b.driver().switchTo().window(tab);
                b.waitUntil(d -> b.path().endsWith("/login"), "every tab on the login page");
            }
        }
    }

    @Test
    void storageTheAppSetIsGoneAfterLogout() {
        try (Browser b = Browser.start(base())) {
            b.logIn("alice");
            b.script("localStorage.setItem('demo.draft', 'secret'); sessionStorage.setItem('demo.step', '2')");
            assertEquals("secret", b.script("return localStorage.getItem('demo.draft')"));

            b.find(SIGN_OUT).click();
            b.waitUntil(d -> b.path().endsWith("/login"), "the login page");

            assertNull(b.script("return localStorage.getItem('demo.draft')"), "localStorage key left after logout");
            assertNull(b.script("return sessionStorage.getItem('demo.step')"), "sessionStorage key left after logout");
        }
    }

    @Test
    void afterLogoutTheCookieJarHoldsNoSessionCookie() {
        try (Browser b = Browser.start(base())) {
            b.logIn("alice");
            Cookie session = b.cookies().stream().filter(c -> c.getName().startsWith("JSESSIONID")).findFirst()
                    .orElseThrow(() -> new AssertionError("no session cookie while signed in: " + b.cookies()));
            assertTrue(session.isHttpOnly(), session::toString);

            b.find(SIGN_OUT).click();
            b.waitUntil(d -> b.path().endsWith("/login"), "the login page");

            Set<Cookie> after = b.cookies();
            assertTrue(after.stream().noneMatch(c -> c.getName().equals(session.getName())),
                    "session cookie still in the jar: " + after);
        }
    }

    @Test
    void rememberMeWhenTheBrowserLosesItsSessionCookieThenSignedInAgainUntilLogOutEverywhere() {
        try (Browser laptop = Browser.start(base()); Browser phone = Browser.start(base())) {
            laptop.logIn("bob", true);
            Cookie remembered = laptop.cookies().stream().filter(c -> c.getName().equals("JREMEMBERMEID")).findFirst()
                    .orElseThrow(() -> new AssertionError("no remember-me cookie: " + laptop.cookies()));
            assertTrue(remembered.isHttpOnly() && remembered.getExpiry() != null, remembered::toString);
            // The browser is closed and opened again: its session cookies are gone, the remember-me cookie stays.
            laptop.cookies().stream().filter(c -> c.getExpiry() == null)
                    .forEach(c -> laptop.driver().manage().deleteCookieNamed(c.getName()));
            laptop.open("app/");
            laptop.waitUntil(d -> laptop.path().endsWith("/app/") && laptop.text().contains("bob"), "bob's account page, signed in again");

            phone.logIn("bob");
            phone.open("app/sessions");
            phone.find("button.danger").click(); // "Sign out everywhere, this device too"
            phone.waitUntil(d -> phone.path().endsWith("/login"), "the phone on the login page");

            laptop.open("app/");
            laptop.waitUntil(d -> laptop.path().endsWith("/login"), "the laptop signed out on its next page");
            laptop.cookies().stream().filter(c -> c.getExpiry() == null)
                    .forEach(c -> laptop.driver().manage().deleteCookieNamed(c.getName()));
            laptop.open("app/");
            laptop.waitUntil(d -> laptop.path().endsWith("/login"), "its remember-me cookie no longer signs it in");
        }
    }

    /** The devices page, desktop (whole page) and narrow (a phone's width), under target/screenshots. */
    private static void screenshots(Browser b) {
        Path desktop = wholePage(b, 1280, "sessions-page-desktop");
        Path narrow = wholePage(b, 390, "sessions-page-narrow");
        b.driver().manage().window().setSize(new Dimension(1280, 900));
        assertTrue(Files.isRegularFile(desktop) && Files.isRegularFile(narrow));
    }

    /** A screenshot of the whole page at this width: the window grows until the page fits. */
    private static Path wholePage(Browser b, int width, String name) {
        b.driver().manage().window().setSize(new Dimension(width, 900));
        long chrome = 900 - (Long) b.script("return window.innerHeight");
        long page = (Long) b.script("return document.documentElement.scrollHeight");
        b.driver().manage().window().setSize(new Dimension(width, (int) (page + chrome)));
        return b.screenshot(name);
    }
}
