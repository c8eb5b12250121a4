package io.relata.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium driven by the system chromedriver. Nothing is downloaded: naming the
 * driver executable keeps Selenium Manager out, and .ci/run installs both packages.
 */
public final class Browser {

  private static final String CHROMIUM = System.getProperty("relata.chromium", "/usr/bin/chromium");
  private static final String CHROMEDRIVER =
      System.getProperty("relata.chromedriver", "/usr/bin/chromedriver");

  private Browser() {}

  public static ChromeDriver open() throws java.io.IOException {
    Path profile = Files.createTempDirectory("chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,900",
        "--user-data-dir=" + profile);
    // no speculative connections: an idle socket Chromium opens "just in case" holds up a test
    // server that waits for its request (seen with the OpenID Connect provider in the tests)
    options.setExperimentalOption("prefs", Map.of("net.network_prediction_options", 2));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return driver;
  }

  /**
   * A wait of up to 30 seconds that tries again after any browser error: Chromium aborts a command
   * that is in flight while the page navigates ("aborted by navigation"), which happens when a
   * click has just signed in or out. A condition that never holds still ends the wait, with the
   * last error as its cause.
   */
  public static WebDriverWait await(WebDriver browser) {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.ignoring(WebDriverException.class);
    return wait;
  }
}
