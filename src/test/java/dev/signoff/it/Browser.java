package dev.signoff.it;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A real browser: Debian's headless Chromium driven through its chromedriver, each instance with
 * a fresh profile (its own cookie jar and storage: a separate device). The driver path is given
 * explicitly, so Selenium Manager never runs (and SE_OFFLINE=true keeps it off the network).
 * If the browser cannot start, the test fails: it is never skipped.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SCREENSHOTS = Path.of(System.getProperty("signoff.it.screenshots", "target/screenshots"));
    static final Duration WAIT = Duration.ofSeconds(10);

    private final ChromeDriver driver;
    private final Path profile;
    private final String base;

    private Browser(String base, int width, int height) {
        if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
            throw new AssertionError(CHROMIUM + " or " + CHROMEDRIVER + " missing: the build installs them with "
                    + "src/test/sh/install-chromium.sh (apt-get install chromium chromium-driver)");
        }
        this.base = base.endsWith("/") ? base : base + "/";
        try {
            profile = Files.createTempDirectory("signoff-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /** A desktop-sized browser for the deployment at {@code base}. */
    static Browser start(String base) {
        return new Browser(base, 1280, 900);
    }

    /** A browser of the given window size. */
    static Browser start(String base, int width, int height) {
        return new Browser(base, width, height);
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens a path of the app, e.g. {@code app/sessions}. */
    void open(String path) {
        driver.get(base + path);
    }

    /** Signs in through the demo's login form, as a person would, and waits for the account page. */
    void logIn(String user) {
        logIn(user, false);
    }

    /** Logs in through the login form, with "Remember me" ticked or not. */
    void logIn(String user, boolean rememberMe) {
        open("login");
        driver.findElement(By.name("username")).sendKeys(user);
        driver.findElement(By.name("password")).sendKeys(user + "-pw");
        if (rememberMe) {
            driver.findElement(By.name("remember_me")).click();
        }
        driver.findElement(By.cssSelector("form[action$='/login'] button[type=submit]")).click();
        waitUntil(d -> path().endsWith("/app/"), "the account page after login");
        waitForLiveSignOut();
    }

    /** Waits until signoff.js has loaded on the current page. */
    void waitForLiveSignOut() {
        waitUntil(d -> Boolean.TRUE.equals(script("return typeof window.SignOff === 'object'")), "signoff.js to load");
    }

    String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    String url() {
        return driver.getCurrentUrl();
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    Set<Cookie> cookies() {
        return driver.manage().getCookies();
    }

    <T> T waitUntil(Function<WebDriver, T> condition, String what) {
        return waitUntil(condition, what, WAIT);
    }

    <T> T waitUntil(Function<WebDriver, T> condition, String what, Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(50));
        // The page may be navigating while the condition reads it (a form posted, a redirect).
        wait.ignoring(StaleElementReferenceException.class);
        wait.withMessage(() -> "waiting for " + what + "; at " + driver.getCurrentUrl() + ": " + safeText());
        return wait.until(condition);
    }

    private String safeText() {
        try {
            String t = text();
            return t.length() > 400 ? t.substring(0, 400) + "…" : t;
        } catch (RuntimeException e) {
            return "(no page text: " + e.getMessage() + ")";
        }
    }

    /** Saves a PNG of the window under {@code target/screenshots/}; returns its path. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // A leftover temporary profile is harmless; the test's outcome does not depend on it.
            }
        }
    }
}
