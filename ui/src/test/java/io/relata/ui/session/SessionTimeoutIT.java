package io.relata.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relata.testing.ApiClient;
import io.relata.testing.Browser;
import io.relata.testing.Deployments;
import io.relata.testing.SignInPage;
import io.relata.testing.TestUsers;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The timeouts of screen sessions, API tokens and the login lock, in a real Chromium and over HTTP,
 * against the real WAR whose clock the test moves ({@link MovableClock}): nothing waits for time to
 * pass. Default settings throughout: idle 30 minutes, absolute 12 hours, a token lives 30 days, 5
 * wrong passwords lock a name for 15 minutes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionTimeoutIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.relataWar(SessionTimeoutIT.class)
        .addClasses(MovableClock.class, TestHooks.class);
  }

  @ArquillianResource private URL base;

  private ChromeDriver browser;
  private SignInPage page;

  @BeforeEach
  void openBrowser() throws Exception {
    browser = Browser.open();
    page = new SignInPage(browser);
  }

  @AfterEach
  void closeBrowser() {
    browser.quit();
  }

  @Test
  void aScreenSessionEndsAfterThirtyMinutesWithoutARequest() throws Exception {
    String name = TestHooks.user(base);
    browser.get(url("home"));
    page.signIn(name, TestUsers.PASSWORD);
    page.awaitHome();

    // each request starts the idle time again: 58 minutes in all, never 30 without a request
    for (int i = 0; i < 2; i++) {
      advance(Duration.ofMinutes(29));
      browser.navigate().refresh();
      assertEquals("Welcome, " + name, page.awaitHome().getText());
    }

    advance(Duration.ofMinutes(31));
    browser.navigate().refresh();
    assertTrue(page.awaitSignInForm(), "idle for 31 minutes, yet still signed in");
    browser.get(url("home"));
    assertTrue(page.awaitSignInForm(), "an ended session signs nobody in again");
  }

  @Test
  void aScreenSessionEndsTwelveHoursAfterSignInHoweverBusy() throws Exception {
    String name = TestHooks.user(base);
    browser.get(url("home"));
    page.signIn(name, TestUsers.PASSWORD);
    page.awaitHome();

    // the browser's session kept busy for 11 hours 40 minutes, never idle for 30: a request with
    // its cookie every 25 minutes (a page load each would take a minute of the test's time)
    String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
    for (int i = 0; i < 28; i++) {
      advance(Duration.ofMinutes(25));
      assertEquals(200, request("home", session).statusCode());
    }
    browser.navigate().refresh();
    page.awaitHome();
    advance(Duration.ofMinutes(25));
    browser.navigate().refresh();
    assertTrue(page.awaitSignInForm(), "signed in for 12 hours 5 minutes, yet still in");

    page.signIn(name, TestUsers.PASSWORD);
    page.awaitHome(); // a new sign-in starts a new session
  }

  @Test
  void theLockAfterWrongPasswordsEndsAfterFifteenMinutesOnScreenAndOverHttp() throws Exception {
    String name = TestHooks.user(base);
    // the first page load of a deployment is slow; the clock runs on in real time meanwhile
    browser.get(url("home"));
    assertTrue(page.awaitSignInForm());
    for (int i = 0; i < 5; i++) {
      assertEquals(401, tokenFor(name, "wrong-" + i).statusCode());
    }
    page.signIn(name, TestUsers.PASSWORD);
    page.awaitError();
    assertTrue(page.awaitSignInForm(), "locked, yet the right password signed in");

    // minutes of real time to spare before the lock's 15 minutes are over
    advance(Duration.ofMinutes(10));
    assertEquals(401, tokenFor(name, TestUsers.PASSWORD).statusCode(), "still locked");

    advance(Duration.ofMinutes(6));
    assertEquals(201, tokenFor(name, TestUsers.PASSWORD).statusCode(), "the lock is over");
    browser.navigate().refresh();
    page.signIn(name, TestUsers.PASSWORD);
    page.awaitHome();
  }

  @Test
  void anApiTokenStopsAtItsExpiryAndAtSignOut() throws Exception {
    String name = TestHooks.user(base);
    ApiClient client = ApiClient.signIn(base, name, TestUsers.PASSWORD);
    assertEquals(200, client.send("GET", "api/v1/users/me", null).statusCode());

    advance(Duration.ofDays(30).minusHours(1));
    assertEquals(200, client.send("GET", "api/v1/users/me", null).statusCode());
    advance(Duration.ofHours(2));
    assertEquals(401, client.send("GET", "api/v1/users/me", null).statusCode(), "expired");

    // signing out over HTTP is revoking the token: it stops at once
    HttpResponse<String> issued = tokenFor(name, TestUsers.PASSWORD);
    assertEquals(201, issued.statusCode(), issued.body());
    ApiClient second = new ApiClient(base, ApiClient.json(issued).getString("token"));
    assertEquals(200, second.send("GET", "api/v1/users/me", null).statusCode());
    String id = ApiClient.json(issued).getString("id");
    assertEquals(204, second.send("DELETE", "api/v1/auth/tokens/" + id, null).statusCode());
    assertEquals(401, second.send("GET", "api/v1/users/me", null).statusCode(), "signed out");
  }

  private HttpResponse<String> tokenFor(String name, String password) throws Exception {
    return new ApiClient(base, null)
        .send(
            "POST",
            "api/v1/auth/tokens",
            "{\"username\":\"" + name + "\",\"password\":\"" + password + "\"}");
  }

  /** A GET with the browser's session cookie, as its own page loads send it. */
  private HttpResponse<String> request(String path, String session) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url(path)))
                .header("Cookie", "JSESSIONID=" + session)
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private void advance(Duration by) throws Exception {
    TestHooks.advance(base, by);
  }

  private String url(String path) {
    return TestHooks.url(base, path);
  }
}
