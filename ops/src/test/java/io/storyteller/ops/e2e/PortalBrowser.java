package io.storyteller.ops.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which {@code .ci/run}
 * installs) on the application of the shared end-to-end context. One fresh browser profile per
 * instance, so no token or storage leaks between tests. Waits are explicit conditions with generous
 * limits: a loaded 2-core machine may take seconds to render, and a sleep would prove nothing.
 */
final class PortalBrowser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /**
     * Set (e.g. {@code -Dstoryteller.screenshots.docs=../docs/screenshots}, relative to {@code ops/}) to
     * refresh the documentation's screenshots as well; unset, they are written under target/ only.
     */
    static final String DOCS_SCREENSHOTS = "storyteller.screenshots.docs";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;
    private final String origin;

    PortalBrowser(int port) {
        this("http://localhost:" + port);
    }

    /** A browser on the portal at this origin (scheme, host and port). */
    PortalBrowser(String origin) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("the browser tests need Chromium and its driver: "
                    + "apt-get install -y chromium chromium-driver (.ci/run installs them when missing)");
        }
        try {
            profile = Files.createTempDirectory(Files.createDirectories(Path.of("target", "chromium-profiles")), "run-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--window-size=1366,900",
                        "--user-data-dir=" + profile.toAbsolutePath());
        // the console, where Chromium reports what a Content-Security-Policy refused
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(PATIENCE).scriptTimeout(PATIENCE);
        this.origin = origin;
    }

    String origin() {
        return origin;
    }

    ChromeDriver driver() {
        return driver;
    }

    void open(String path) {
        driver.get(origin + path);
    }

    WebElement visible(By by) {
        return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits until the element holds the text (the page renders what the API answered, asynchronously). */
    void waitForText(By by, String text) {
        try {
            new WebDriverWait(driver, PATIENCE).ignoring(RuntimeException.class)
                    .until(ExpectedConditions.textToBePresentInElementLocated(by, text));
        } catch (TimeoutException e) {
            // what the screen showed instead (an API error, a loading state) says more than the timeout
            throw new AssertionError("waited for \"" + text + "\" in " + by + "; the screen showed:\n" + texts(By.tagName("main")), e);
        }
    }

    /** Waits until the condition holds on the page (a re-rendered element read meanwhile is read again). */
    void waitUntil(String what, BooleanSupplier condition) {
        try {
            new WebDriverWait(driver, PATIENCE).ignoring(RuntimeException.class).until(page -> condition.getAsBoolean());
        } catch (TimeoutException e) {
            throw new AssertionError("waited until " + what + "; the screen showed:\n" + texts(By.tagName("main")), e);
        }
    }

    /** Waits until no element matches, e.g. until a screen's reads have answered. */
    void waitUntilGone(By by) {
        new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.numberOfElementsToBe(by, 0));
    }

    /**
     * Replaces the field's text as a person would (select all, delete, type): WebElement.clear() sets the
     * value behind React's back, and a controlled field then puts its old value back before the typing.
     */
    void type(By by, String text) {
        WebElement field = visible(by);
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        field.sendKeys(text);
    }

    void click(By by) {
        new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    /** The texts of the elements found now (none: an empty list). */
    List<String> texts(By by) {
        return driver.findElements(by).stream().map(WebElement::getText).toList();
    }

    /** Marks the page's window; {@link #sameDocument} then tells whether it was reloaded or navigated away since. */
    void markDocument() {
        driver.executeScript("window.__portalMark = 'unchanged';");
    }

    boolean sameDocument() {
        return "unchanged".equals(driver.executeScript("return window.__portalMark;"));
    }

    /** Answers yes to the page's confirmation dialog (window.confirm) once it shows. */
    void confirm() {
        new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.alertIsPresent()).accept();
    }

    /** Signs in on the portal's local sign-in with exactly these roles. */
    void signIn(String userId, String... roles) {
        open("/admin");
        type(By.id("sign-in-user"), userId);
        for (String role : List.of("PLAYER", "WORLD_ADMIN", "PLATFORM_ADMIN", "MODEL_MANAGER")) {
            WebElement box = visible(By.id("role-" + role));
            if (box.isSelected() != List.of(roles).contains(role)) {
                box.click();
            }
        }
        click(By.id("sign-in"));
        waitForText(By.id("signed-in-as"), userId);
    }

    /** Every address the page loaded or fetched, from the browser's own resource timing. */
    @SuppressWarnings("unchecked")
    List<String> requestedAddresses() {
        return (List<String>) driver.executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name)"
                        + ".concat(performance.getEntriesByType('navigation').map(e => e.name));");
    }

    /** The console's messages so far (each read returns only the new ones). */
    List<String> consoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    }

    /** Saves the page as PNG under target/screenshots, and in the documentation's folder when {@value #DOCS_SCREENSHOTS} is set. */
    Path screenshot(String name) {
        try {
            Path target = Files.createDirectories(SCREENSHOTS).resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            String docs = System.getProperty(DOCS_SCREENSHOTS, "");
            if (!docs.isBlank()) {
                Files.copy(target, Files.createDirectories(Path.of(docs)).resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Like {@link #screenshot(String)}, from the top of the page (a click may have scrolled it). */
    Path screenshotFromTop(String name) {
        driver.executeScript("window.scrollTo(0, 0);");
        return screenshot(name);
    }

    /** Like {@link #screenshot(String)}, with the element scrolled to the top of the window first. */
    Path screenshot(String name, By top) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'start'});", visible(top));
        return screenshot(name);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
