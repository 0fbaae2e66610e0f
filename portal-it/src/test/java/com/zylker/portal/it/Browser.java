package com.zylker.portal.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * A headless Chromium per test class, driven by Debian's chromedriver with an explicit driver and binary so
 * that Selenium Manager never tries to download anything; flags that keep Chromium off the network
 * (STACK-NOTES). Without Chromium the test skips, or fails on CI.
 *
 * <p>After every test it reads Chromium's console log and fails the test when the page reported a
 * Content-Security-Policy violation: every page a browser IT visits must work under the portal's CSP.
 */
public final class Browser implements ParameterResolver, AfterAllCallback, AfterEachCallback {

    private static final File CHROMEDRIVER = new File(System.getProperty("portal.test.chromedriver", "/usr/bin/chromedriver"));
    private static final File CHROMIUM = new File(System.getProperty("portal.test.chromium", "/usr/bin/chromium"));

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == WebDriver.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRequiredTestClass() == null ? null : store(context)
                .getOrComputeIfAbsent(WebDriver.class, key -> start(), WebDriver.class);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        WebDriver driver = store(context).remove(WebDriver.class, WebDriver.class);
        if (driver != null) {
            driver.quit();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        WebDriver driver = store(context).get(WebDriver.class, WebDriver.class);
        if (driver != null) {
            List<String> violations = cspViolations(driver);
            if (!violations.isEmpty()) {
                throw new AssertionError("Content-Security-Policy violations in the browser console:\n" + String.join("\n", violations));
            }
        }
    }

    /** The console messages about a Content-Security-Policy violation since the last call (reading drains the log). */
    public static List<String> cspViolations(WebDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
                .toList();
    }

    private static ExtensionContext.Store store(ExtensionContext context) {
        ExtensionContext classContext = context.getTestMethod().isPresent() ? context.getParent().orElseThrow() : context;
        return classContext.getStore(ExtensionContext.Namespace.create(Browser.class, classContext.getRequiredTestClass()));
    }

    /** A second, independent browser (its own profile and cookies) for tests with two people; the caller quits it. */
    static WebDriver another() {
        return start();
    }

    private static WebDriver start() {
        RequiredServices.require(CHROMEDRIVER.canExecute() && CHROMIUM.canExecute(),
                "Chromium and chromedriver are not installed (apt-get install -y chromium chromium-driver)");
        try {
            Path profile = Files.createTempDirectory("portal-it-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,800", "--user-data-dir=" + profile);
            // Console messages (CSP violations among them) for afterEach.
            options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                    .usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            return driver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves what the browser shows as target/screenshots/{name}.png and returns the file. */
    public static Path screenshot(WebDriver driver, String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
