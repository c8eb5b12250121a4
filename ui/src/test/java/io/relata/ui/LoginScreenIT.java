package io.relata.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relata.testing.Browser;
import io.relata.testing.RelataProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The sign-in page in a real Chromium, against relata.jar as an operator starts it. */
class LoginScreenIT {

  private static final String PASSWORD = "Browser-test-1";
  private static RelataProcess server;

  private ChromeDriver browser;
  private WebDriverWait wait;

  @BeforeAll
  static void startRelata() throws Exception {
    Path dataDir = Path.of(System.getProperty("relata.test.work"), "login-screen");
    RelataProcess.deleteTree(dataDir); // the admin password applies to a new database only
    server = RelataProcess.start(dataDir, Map.of("RELATA_ADMIN_PASSWORD", PASSWORD));
    assertTrue(server.awaitReady(Duration.ofMinutes(4)), server::output);
  }

  @AfterAll
  static void stopRelata() throws Exception {
    server.close();
  }

  @BeforeEach
  void openBrowser() throws Exception {
    browser = Browser.open();
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void closeBrowser() {
    browser.quit();
  }

  @Test
  void adminSignsInSeesTheHomeViewAndSignsOut() {
    browser.get(server.uri("/").toString());
    signIn("admin", PASSWORD);

    WebElement greeting =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("greeting")));
    assertEquals("Welcome, admin", greeting.getText());
    assertTrue(browser.getCurrentUrl().endsWith("/home"), browser.getCurrentUrl());

    browser.findElement(By.id("sign-out")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-login-form")));
    browser.get(server.uri("/home").toString());
    wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-login-form")));
    assertTrue(
        browser.findElements(By.id("greeting")).isEmpty(), "signed out, yet the home view shows");
  }

  @Test
  void wrongPasswordKeepsTheUserOnTheSignInPageWithAnError() {
    browser.get(server.uri("/").toString());
    signIn("admin", "not-the-password");

    WebElement form = browser.findElement(By.tagName("vaadin-login-form"));
    wait.until(driver -> form.getDomAttribute("error") != null);
    assertTrue(browser.findElements(By.id("greeting")).isEmpty());
  }

  @Test
  void homeViewIsOnlyForSignedInUsers() {
    browser.get(server.uri("/home").toString());

    wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-login-form")));
    assertTrue(browser.findElements(By.id("greeting")).isEmpty());
  }

  private void signIn(String username, String password) {
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("vaadin-login-form input[name='username']")))
        .sendKeys(username);
    browser
        .findElement(By.cssSelector("vaadin-login-form input[name='password']"))
        .sendKeys(password);
    browser.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
  }
}
