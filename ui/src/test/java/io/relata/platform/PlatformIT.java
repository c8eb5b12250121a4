package io.relata.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relata.platform.identity.PasswordHashing;
import io.relata.platform.identity.User;
import io.relata.platform.identity.UserRepository;
import io.relata.testing.Deployments;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The platform inside the real WAR in Payara Micro on real PostgreSQL: rows written through JPA are
 * what the REST API answers with, and every refusal is a problem document.
 */
@ExtendWith(ArquillianExtension.class)
class PlatformIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Deployment
  static WebArchive deployment() {
    return Deployments.relataWar(PlatformIT.class);
  }

  @ArquillianResource private URL base;
  @Inject private UserRepository users;
  @Inject private PasswordHashing passwords;
  @Inject private Clock clock;

  @Test
  void userStoredThroughJpaSignsInAndIsReadBackOverHttp() throws Exception {
    String username = "it-" + UUID.randomUUID().toString().substring(0, 8);
    User stored =
        new User(
            username, passwords.hash("correct horse".toCharArray()), OffsetDateTime.now(clock));
    users.add(stored);

    HttpResponse<String> issued =
        post(
            "api/v1/auth/tokens",
            "{\"username\":\"" + username.toUpperCase() + "\",\"password\":\"correct horse\"}");
    assertEquals(201, issued.statusCode(), issued.body());
    String token = json(issued).getString("token");
    assertTrue(token.startsWith("rlt_"), token);
    assertNotNull(json(issued).getString("expiresAt"));

    HttpResponse<String> me =
        HTTP.send(
            HttpRequest.newBuilder(url("api/v1/users/me"))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, me.statusCode(), me.body());
    assertEquals(stored.id().toString(), json(me).getString("id"));
    assertEquals(username, json(me).getString("username"));
  }

  @Test
  void wrongPasswordAndUnknownUserGetTheSameProblem() throws Exception {
    HttpResponse<String> wrongPassword =
        post("api/v1/auth/tokens", "{\"username\":\"admin\",\"password\":\"not-it\"}");
    HttpResponse<String> unknownUser =
        post("api/v1/auth/tokens", "{\"username\":\"nobody\",\"password\":\"not-it\"}");

    assertEquals(401, wrongPassword.statusCode());
    assertEquals(
        "application/problem+json",
        wrongPassword.headers().firstValue("Content-Type").orElseThrow());
    assertEquals(wrongPassword.body(), unknownUser.body());
  }

  @Test
  void fiveWrongPasswordsInParallelLockTheAccountAgainstTheRightOneAndOnlyThatAccount()
      throws Exception {
    String target = "locked-" + UUID.randomUUID().toString().substring(0, 8);
    String bystander = "bystander-" + UUID.randomUUID().toString().substring(0, 8);
    for (String name : List.of(target, bystander)) {
      users.add(
          new User(name, passwords.hash("right one".toCharArray()), OffsetDateTime.now(clock)));
    }
    String guess = "{\"username\":\"" + target + "\",\"password\":\"a guess\"}";
    ExecutorService pool = Executors.newFixedThreadPool(5);
    List<Callable<Integer>> guesses = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      guesses.add(() -> post("api/v1/auth/tokens", guess).statusCode());
    }
    for (Future<Integer> answer : pool.invokeAll(guesses)) {
      assertEquals(401, answer.get());
    }
    pool.shutdown();

    HttpResponse<String> right =
        post("api/v1/auth/tokens", "{\"username\":\"" + target + "\",\"password\":\"right one\"}");
    HttpResponse<String> wrong = post("api/v1/auth/tokens", guess);
    assertEquals(401, right.statusCode(), "locked, even with the right password");
    assertEquals(wrong.body(), right.body(), "a lock looks like any other refusal");
    assertTrue(right.body().contains("locked for a while"), right.body());
    assertEquals(
        201,
        post(
                "api/v1/auth/tokens",
                "{\"username\":\"" + bystander + "\",\"password\":\"right one\"}")
            .statusCode(),
        "other accounts are not affected");
  }

  @Test
  void ownersListTheirTokensWithoutSecretsAndARevokedTokenFailsOnItsNextRequest() throws Exception {
    String owner = "tokens-" + UUID.randomUUID().toString().substring(0, 8);
    String other = "other-" + UUID.randomUUID().toString().substring(0, 8);
    for (String name : List.of(owner, other)) {
      users.add(
          new User(name, passwords.hash("pass word".toCharArray()), OffsetDateTime.now(clock)));
    }
    JsonObject kept =
        json(
            post(
                "api/v1/auth/tokens",
                "{\"username\":\""
                    + owner
                    + "\",\"password\":\"pass word\",\"name\":\"CI export\"}"));
    JsonObject doomed =
        json(
            post(
                "api/v1/auth/tokens",
                "{\"username\":\"" + owner + "\",\"password\":\"pass word\"}"));
    String othersToken =
        json(post(
                "api/v1/auth/tokens",
                "{\"username\":\"" + other + "\",\"password\":\"pass word\"}"))
            .getString("token");

    HttpResponse<String> listed = send("GET", "api/v1/auth/tokens", kept.getString("token"));
    assertEquals(200, listed.statusCode(), listed.body());
    assertEquals(2, json(listed).getJsonArray("items").size());
    assertTrue(listed.body().contains("\"CI export\""), listed.body());
    assertFalse(listed.body().contains(kept.getString("token").substring(4)), "no secrets");

    String doomedPath = "api/v1/auth/tokens/" + doomed.getString("id");
    assertEquals(404, send("DELETE", doomedPath, othersToken).statusCode(), "not theirs");
    assertEquals(200, send("GET", "api/v1/users/me", doomed.getString("token")).statusCode());
    assertEquals(204, send("DELETE", doomedPath, kept.getString("token")).statusCode());
    assertEquals(401, send("GET", "api/v1/users/me", doomed.getString("token")).statusCode());
    assertEquals(200, send("GET", "api/v1/users/me", kept.getString("token")).statusCode());
    assertTrue(
        send("GET", "api/v1/auth/tokens", kept.getString("token")).body().contains("revokedAt"));
    assertEquals(
        404,
        send("DELETE", "api/v1/auth/tokens/not-a-token'--", kept.getString("token")).statusCode());
    assertEquals(401, send("GET", "api/v1/auth/tokens", null).statusCode());
  }

  @Test
  void apiRefusesRequestsWithoutAValidToken() throws Exception {
    for (String authorization :
        new String[] {null, "Bearer rlt_forged", "Basic YWRtaW46YWRtaW4="}) {
      HttpRequest.Builder request = HttpRequest.newBuilder(url("api/v1/users/me"));
      if (authorization != null) {
        request.header("Authorization", authorization);
      }
      HttpResponse<String> answer =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(401, answer.statusCode(), authorization);
      assertEquals("urn:relata:problem:unauthenticated", json(answer).getString("type"));
      assertTrue(
          answer.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Bearer"));
    }
  }

  @Test
  void badInputIsAProblemDocumentAndNeverAStackTrace() throws Exception {
    HttpResponse<String> malformed = post("api/v1/auth/tokens", "{\"username\": ");
    HttpResponse<String> wrongShape = post("api/v1/auth/tokens", "[1, 2, 3]");
    HttpResponse<String> missing =
        post("api/v1/auth/tokens", "{\"password\":\"" + "x".repeat(2000) + "\"}");

    assertEquals(400, malformed.statusCode(), malformed.body());
    assertEquals(400, wrongShape.statusCode(), wrongShape.body());
    assertEquals(400, missing.statusCode(), missing.body());
    JsonObject violations = json(missing);
    assertEquals(
        "/username", violations.getJsonArray("errors").getJsonObject(0).getString("pointer"));
    assertEquals(
        "field.too-long", violations.getJsonArray("errors").getJsonObject(1).getString("code"));
    for (HttpResponse<String> answer : java.util.List.of(malformed, wrongShape, missing)) {
      assertFalse(answer.body().contains("Exception"), answer.body());
      assertFalse(answer.body().contains("at io.relata"), answer.body());
    }
  }

  @Test
  void aMalformedAcceptLanguageHeaderDoesNotTurnAnAnswerIntoAServerError() throws Exception {
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(url("api/v1/users/me"))
                .header("Accept-Language", ";;q=x,==")
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertEquals(401, answer.statusCode(), answer.body());
    assertEquals("urn:relata:problem:unauthenticated", json(answer).getString("type"));
  }

  @Test
  void readinessReportsTheMigratedDatabase() throws Exception {
    URI ready =
        URI.create(
            base.getProtocol() + "://" + base.getHost() + ":" + base.getPort() + "/health/ready");
    HttpResponse<String> answer =
        HTTP.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.ofString());

    assertEquals(200, answer.statusCode(), answer.body());
    JsonObject database =
        json(answer).getJsonArray("checks").getValuesAs(JsonObject.class).stream()
            .filter(check -> check.getString("name").equals("database"))
            .findFirst()
            .orElseThrow();
    assertEquals("UP", database.getString("status"));
    // the version of the newest Flyway migration: a number, once migration has run
    assertTrue(
        database.getJsonObject("data").getString("schemaVersion").matches("[1-9][0-9]*"),
        database.toString());
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(url(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(String method, String path, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url(path)).method(method, HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI url(String path) throws Exception {
    return base.toURI().resolve(path);
  }

  private static JsonObject json(HttpResponse<String> answer) {
    return Json.createReader(new StringReader(answer.body())).readObject();
  }
}
