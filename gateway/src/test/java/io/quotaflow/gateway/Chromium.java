package io.quotaflow.gateway;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Headless Debian Chromium driven through its own chromedriver (never Selenium Manager, nothing downloaded):
 * {@code apt-get install -y chromium chromium-driver}. {@code CHROMIUM_BINARY} and {@code CHROMEDRIVER} point
 * elsewhere if they live elsewhere.
 */
final class Chromium {

    static final Path BROWSER = Path.of(System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
    /** Where the screenshots go: the module's build output. */
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Chromium() {
    }

    /** For {@code @EnabledIf}: the browser test runs only where both are installed. */
    static boolean isInstalled() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    static ChromeDriver start() {
        try {
            Path scratch = Files.createDirectories(Path.of("target", "chromium"));
            Path profile = Files.createTempDirectory(scratch, "profile");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(DRIVER.toFile())
                    .usingAnyFreePort()
                    .withEnvironment(Map.of("HOME", scratch.toAbsolutePath().toString(),
                            "TMPDIR", scratch.toAbsolutePath().toString()))
                    .withSilent(true)
                    .build();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(BROWSER.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--no-default-browser-check", "--window-size=1440,2400", "--lang=en-US",
                    "--user-data-dir=" + profile.toAbsolutePath());
            return new ChromeDriver(service, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole page, no taller than it is. */
    static Path screenshot(ChromeDriver browser, String name) {
        Dimension window = browser.manage().window().getSize();
        Number viewport = (Number) browser.executeScript("return window.innerHeight;");
        Number page = (Number) browser.executeScript("return Math.ceil(document.body.getBoundingClientRect().height);");
        int frame = window.getHeight() - viewport.intValue();
        browser.manage().window().setSize(new Dimension(window.getWidth(), Math.max(600, page.intValue() + frame)));
        try {
            File shot = browser.getScreenshotAs(OutputType.FILE);
            Path target = Files.createDirectories(SCREENSHOTS).resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            browser.manage().window().setSize(window);
        }
    }
}
