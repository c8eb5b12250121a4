package io.relata.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relata.testing.ApiClient;
import io.relata.testing.Browser;
import io.relata.testing.RelataProcess;
import io.relata.testing.SharedRelata;
import io.relata.testing.SignInPage;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The sign-in page in a real Chromium, against relata.jar as an operator starts it. */
@ExtendWith(SharedRelata.class)
class LoginScreenIT {

  private static final String PASSWORD = SharedRelata.PASSWORD;

  /** How many wrong passwords in a row lock a name when the operator sets nothing else. */
  private static final int MAX_FAILURES = 5;

  private static RelataProcess server;

  private ChromeDriver browser;
  private WebDriverWait wait;

  @BeforeAll
  static void prepare() {
    server = SharedRelata.server();
  }

  @BeforeEach
  void openBrowser() throws Exception {
    browser = Browser.open();
    wait = Browser.await(browser);
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

    new SignInPage(browser).signOut();
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

  @Test
  void signingInRenewsTheSessionIdAndSigningOutEndsTheServerSession() {
    browser.get(server.uri("/").toString());
    wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-login-form")));
    Cookie before = wait.until(driver -> driver.manage().getCookieNamed("JSESSIONID"));
    signIn("admin", PASSWORD);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("greeting")));
    Cookie signedIn = browser.manage().getCookieNamed("JSESSIONID");
    assertNotEquals(before.getValue(), signedIn.getValue(), "a planted session id stays worthless");

    new SignInPage(browser).signOut();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-login-form")));
    // the signed-in id, replayed after signing out, is a session the server no longer has
    browser.manage().deleteAllCookies();
    browser.manage().addCookie(signedIn);
    browser.get(server.uri("/home").toString());
    wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-login-form")));
    assertTrue(browser.findElements(By.id("greeting")).isEmpty());
  }

  @Test
  void repeatedWrongPasswordsLockTheNameOnTheScreenAndOverHttpAlike() throws Exception {
    String name = "lockme-" + java.util.UUID.randomUUID().toString().substring(0, 6);
    String password = "right-password-1";
    ApiClient admin = ApiClient.signIn(server.uri("/").toURL(), "admin", PASSWORD);
    String id = created(admin, name, password);

    browser.get(server.uri("/").toString());
    for (int i = 0; i < MAX_FAILURES; i++) {
      signIn(name, "wrong-" + i);
      WebElement form = browser.findElement(By.tagName("vaadin-login-form"));
      wait.until(driver -> form.getDomAttribute("error") != null);
      browser.navigate().refresh();
    }
    signIn(name, password);
    WebElement form = browser.findElement(By.tagName("vaadin-login-form"));
    wait.until(driver -> form.getDomAttribute("error") != null);
    assertTrue(browser.findElements(By.id("greeting")).isEmpty(), "locked, even the right one");

    HttpResponse<String> overHttp =
        new ApiClient(server.uri("/").toURL(), null)
            .send(
                "POST",
                "api/v1/auth/tokens",
                "{\"username\":\"" + name + "\",\"password\":\"" + password + "\"}");
    assertEquals(401, overHttp.statusCode(), "one lock for the screen and the API");

    HttpResponse<String> unlocked = admin.send("POST", "api/v1/users/" + id + "/unlock", null);
    assertEquals(200, unlocked.statusCode(), unlocked.body());
    browser.navigate().refresh();
    signIn(name, password);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("greeting")));
  }

  @Test
  void freezingAnAccountEndsItsOpenScreenSession() throws Exception {
    String name = "frozen-" + java.util.UUID.randomUUID().toString().substring(0, 6);
    String password = "right-password-2";
    ApiClient admin = ApiClient.signIn(server.uri("/").toURL(), "admin", PASSWORD);
    String id = created(admin, name, password);
    browser.get(server.uri("/").toString());
    signIn(name, password);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("greeting")));

    HttpResponse<String> frozen = admin.send("PATCH", "api/v1/users/" + id, "{\"active\":false}");
    assertEquals(200, frozen.statusCode(), frozen.body());
    browser.navigate().refresh();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-login-form")));
    assertTrue(browser.findElements(By.id("greeting")).isEmpty());
  }

  /** A new user, made by the administrator over the API; their id. */
  private static String created(ApiClient admin, String name, String password) throws Exception {
    HttpResponse<String> created =
        admin.send(
            "POST",
            "api/v1/users",
            "{\"username\":\"" + name + "\",\"password\":\"" + password + "\"}");
    assertEquals(201, created.statusCode(), created.body());
    return ApiClient.json(created).getString("id");
  }

  private void signIn(String username, String password) {
    new SignInPage(browser).signIn(username, password);
  }
}
