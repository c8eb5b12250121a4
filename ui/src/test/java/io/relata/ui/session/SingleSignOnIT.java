package io.relata.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relata.testing.ApiClient;
import io.relata.testing.Browser;
import io.relata.testing.Deployments;
import io.relata.testing.SignInPage;
import io.relata.testing.TestUsers;
import jakarta.json.JsonObject;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Single sign-on through a real OpenID Connect provider on a local port (mock-oauth2-server, which
 * signs its ID tokens with its own keys), in a real Chromium and over HTTP, against the real WAR
 * configured as an operator would: issuer, client id and secret.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SingleSignOnIT {

  private static final String ISSUER_ID = "corporate";
  private static final String CLIENT_ID = "relata-screens";
  private static MockOAuth2Server provider;

  @Deployment(testable = false)
  static WebArchive deployment() {
    provider = new MockOAuth2Server();
    provider.start(0);
    String settings =
        "relata.oidc.issuer="
            + provider.issuerUrl(ISSUER_ID)
            + "\nrelata.oidc.client-id="
            + CLIENT_ID
            + "\nrelata.oidc.client-secret=not-a-real-secret\nrelata.oidc.label=Corporate sign-on\n";
    return Deployments.relataWar(SingleSignOnIT.class)
        .addClasses(TestHooks.class, MovableClock.class)
        .addAsResource(new StringAsset(settings), "META-INF/microprofile-config.properties");
  }

  @AfterAll
  static void stopProvider() {
    provider.shutdown();
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
  void aUserTheProviderVouchesForIsSignedInWithANewSessionId() throws Exception {
    String name = TestHooks.user(base);
    vouchFor(name);
    browser.get(url(""));
    var link = page.await().until(ExpectedConditions.elementToBeClickable(By.id("sso")));
    assertEquals("Corporate sign-on", link.getText());
    Cookie before = browser.manage().getCookieNamed("JSESSIONID");

    link.click();
    assertEquals("Welcome, " + name, page.awaitHome().getText());
    assertNotEquals(before.getValue(), browser.manage().getCookieNamed("JSESSIONID").getValue());

    ApiClient auditor = ApiClient.signIn(base, name, TestUsers.PASSWORD).privileged();
    HttpResponse<String> logins = auditor.send("GET", "api/v1/audit?action=login&limit=10", null);
    assertEquals(200, logins.statusCode(), logins.body());
    JsonObject viaProvider =
        ApiClient.json(logins).getJsonArray("items").getValuesAs(JsonObject.class).stream()
            .filter(entry -> "oidc".equals(entry.getJsonObject("detail").getString("method", "")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no single sign-on login audited: " + logins));
    assertEquals(name, viaProvider.getJsonObject("actor").getString("username"));
    assertEquals(
        provider.issuerUrl(ISSUER_ID).toString(),
        viaProvider.getJsonObject("detail").getString("issuer"));
  }

  @Test
  void theFirstSignOnBindsTheSubjectAndNoChosenNameTakesAnAccountOver() throws Exception {
    ApiClient admin = ApiClient.signIn(base, TestHooks.user(base), TestUsers.PASSWORD).privileged();
    String suffix = java.util.UUID.randomUUID().toString().substring(0, 6);
    String name = "kari-" + suffix;
    HttpResponse<String> created =
        admin.send(
            "POST",
            "api/v1/users",
            "{\"username\":\"" + name + "\",\"password\":\"" + TestUsers.PASSWORD + "\"}");
    assertEquals(201, created.statusCode(), created.body());

    // the Kelvin sign lower-cases to k: a name chosen at the provider must not become Kari
    vouchFor("\u212Aari-" + suffix, "mallory-" + suffix);
    assertRefusedInTheBrowser();

    vouchFor(name.toUpperCase(java.util.Locale.ROOT), "kari-at-provider-" + suffix);
    signInThroughTheProvider();
    assertEquals("Welcome, " + name, page.awaitHome().getText());
    browser.manage().deleteAllCookies();

    vouchFor(name, "someone-else-" + suffix);
    assertRefusedInTheBrowser();
    browser.manage().deleteAllCookies();

    vouchFor("kari.renamed-" + suffix, "kari-at-provider-" + suffix);
    signInThroughTheProvider();
    assertEquals("Welcome, " + name, page.awaitHome().getText(), "the subject, not the name");
  }

  private void signInThroughTheProvider() {
    browser.get(url(""));
    page.await().until(ExpectedConditions.elementToBeClickable(By.id("sso"))).click();
  }

  @Test
  void aNameRelataDoesNotKnowIsRefusedOnTheSignInPage() throws Exception {
    vouchFor("nobody-" + java.util.UUID.randomUUID().toString().substring(0, 6));
    assertRefusedInTheBrowser();
  }

  @Test
  void aFrozenUserIsRefusedAndTheRefusalIsAudited() throws Exception {
    ApiClient admin = ApiClient.signIn(base, TestHooks.user(base), TestUsers.PASSWORD).privileged();
    String name = TestHooks.user(base);
    String id =
        ApiClient.json(
                ApiClient.signIn(base, name, TestUsers.PASSWORD)
                    .send("GET", "api/v1/users/me", null))
            .getString("id");
    HttpResponse<String> frozen = admin.send("PATCH", "api/v1/users/" + id, "{\"active\":false}");
    assertEquals(200, frozen.statusCode(), frozen.body());

    vouchFor(name);
    assertRefusedInTheBrowser();

    HttpResponse<String> failures =
        admin.send("GET", "api/v1/audit?action=login.failed&record=" + id + "&limit=5", null);
    assertEquals(200, failures.statusCode(), failures.body());
    JsonObject refusal =
        ApiClient.json(failures).getJsonArray("items").getValuesAs(JsonObject.class).get(0);
    assertEquals("oidc", refusal.getJsonObject("detail").getString("method"), refusal.toString());

    // the refused attempt bound nobody: thawed, the user signs on through their own account
    HttpResponse<String> thawed = admin.send("PATCH", "api/v1/users/" + id, "{\"active\":true}");
    assertEquals(200, thawed.statusCode(), thawed.body());
    browser.manage().deleteAllCookies();
    vouchFor(name, "the-real-" + name);
    signInThroughTheProvider();
    assertEquals("Welcome, " + name, page.awaitHome().getText());
  }

  private void assertRefusedInTheBrowser() {
    browser.get(url(""));
    page.await().until(ExpectedConditions.elementToBeClickable(By.id("sso"))).click();

    page.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("sso-failed")));
    assertTrue(page.awaitSignInForm(), "refused, yet signed in");
    browser.get(url("home"));
    assertTrue(page.awaitSignInForm());
  }

  @Test
  void aForgedOrReplayedCallbackSignsNobodyIn() throws Exception {
    HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    send(http, url("")); // a session

    // a callback this session never asked for
    HttpResponse<String> forged = send(http, url("sso/callback?code=guessed&state=forged"));
    assertTrue(location(forged).endsWith("?sso=failed"), location(forged));

    // a real round trip: Relata -> provider -> Relata's callback -> home
    String name = TestHooks.user(base);
    vouchFor(name);
    HttpResponse<String> toProvider = send(http, url("sso/login"));
    assertEquals(302, toProvider.statusCode());
    assertTrue(location(toProvider).startsWith(provider.issuerUrl(ISSUER_ID).toString()));
    assertTrue(location(toProvider).contains("code_challenge_method=S256"), location(toProvider));
    HttpResponse<String> back = send(http, location(toProvider));
    String callback = location(back);
    assertTrue(callback.startsWith(url("sso/callback?")), callback);

    // the state, tampered with, is refused, and spends the sign-on
    HttpResponse<String> tampered = send(http, callback.replaceFirst("state=[^&]+", "state=x"));
    assertTrue(location(tampered).endsWith("?sso=failed"), location(tampered));
    HttpResponse<String> afterTamper = send(http, callback);
    assertTrue(location(afterTamper).endsWith("?sso=failed"), "a callback is good once");

    // a fresh round trip signs in (the provider's answer queued above was never redeemed, so it
    // is still next), and its callback replayed does not
    HttpResponse<String> again = send(http, location(send(http, url("sso/login"))));
    HttpResponse<String> signedIn = send(http, location(again));
    assertEquals(url("home"), location(signedIn));
    HttpResponse<String> replayed = send(http, location(again));
    assertTrue(location(replayed).endsWith("?sso=failed"), location(replayed));
  }

  @Test
  void theSignInPageOffersTheProviderWithoutTakingThePasswordAway() throws Exception {
    String name = TestHooks.user(base);
    browser.get(url(""));
    assertFalse(
        browser.findElements(By.id("sso-failed")).stream().anyMatch(e -> e.isDisplayed()),
        "no failure shown before any attempt");
    page.signIn(name, TestUsers.PASSWORD);
    page.awaitHome();
  }

  /** The provider's next sign-in is for {@code username}. */
  private static void vouchFor(String username) {
    vouchFor(username, "subject-" + username);
  }

  /** The provider's next sign-in is for its account {@code subject}, named {@code username}. */
  private static void vouchFor(String username, String subject) {
    provider.enqueueCallback(
        new DefaultOAuth2TokenCallback(
            ISSUER_ID,
            subject,
            "JWT",
            List.of(CLIENT_ID),
            Map.of("preferred_username", username),
            3600));
  }

  private static HttpResponse<String> send(HttpClient http, String uri) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(uri)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String location(HttpResponse<String> answer) {
    assertEquals(302, answer.statusCode(), answer.body());
    return answer.headers().firstValue("Location").orElseThrow();
  }

  private String url(String path) {
    return TestHooks.url(base, path);
  }
}
