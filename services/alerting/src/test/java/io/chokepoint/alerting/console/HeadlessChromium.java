package io.chokepoint.alerting.console;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver. Both paths are given to Selenium, so that it
 * never looks for (nor downloads) a browser or a driver of its own. Each instance has a fresh profile directory,
 * removed on close.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Long: the machine running the tests may be busy with other builds. */
    static final Duration WAIT = Duration.ofSeconds(60);

    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private HeadlessChromium(Path profile, ChromeDriverService service, ChromeDriver driver) {
        this.profile = profile;
        this.service = service;
        this.driver = driver;
        // Rows are redrawn when the stream brings news: an element found a moment ago may be gone; look again.
        this.wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
    }

    /** Starts the browser, or fails the test naming the Debian packages to install. */
    static HeadlessChromium start() throws IOException {
        for (Path executable : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(executable)) {
                fail(executable + " is missing: the console's browser test drives Debian's chromium through its "
                        + "chromedriver. Install the Debian packages chromium and chromium-driver "
                        + "(apt-get install chromium chromium-driver), or run the tests with ./chokepoint test, "
                        + "which does.");
            }
        }
        Path profile = Files.createTempDirectory("chokepoint-console-chromium");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(profile.resolve("chromedriver.log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile.resolve("profile"), "--window-size=1280,800");
        try {
            return new HeadlessChromium(profile, service, new ChromeDriver(service, options));
        } catch (RuntimeException e) {
            service.stop();
            delete(profile);
            throw e;
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Waits (up to {@link #WAIT}) until the condition answers something other than null or false. */
    <T> T until(Function<ChromeDriver, T> condition) {
        return wait.until(ignored -> condition.apply(driver));
    }

    WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Writes a PNG of what the window shows to {@code target/console-screenshots/<name>.png}; answers its path. */
    Path screenshot(String name) throws IOException {
        Path directory = Files.createDirectories(Path.of("target", "console-screenshots"));
        Path file = directory.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        System.out.println("Console screenshot: " + file.toAbsolutePath());
        return file;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            delete(profile);
        }
    }

    /** Removes the profile; what the browser may still hold open is left to the temporary directory's cleaning. */
    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException | UncheckedIOException e) {
            System.out.println("Could not remove the browser profile " + directory + ": " + e.getMessage());
        }
    }
}
