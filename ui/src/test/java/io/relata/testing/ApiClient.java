package io.relata.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A REST client for in-container tests: the deployment's base URL and an API token. Every request
 * it sends goes through the suite-wide checks of issue 5: a refused request changes nothing ({@link
 * RefusedRequests}), every answer is as the OpenAPI document describes it ({@link
 * OpenApiConformance}), and no answer to a client that is not {@link #privileged} ever holds {@link
 * #HIDDEN}.
 */
public final class ApiClient {

  /**
   * The value tests store only in fields hidden from some users. A client of a user who may see
   * everything is made {@link #privileged}; every other client's every answer is scanned for it.
   */
  public static final String HIDDEN = "987654.321";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final URI base;
  private final String token;
  private final boolean privileged;

  public ApiClient(URL base, String token) {
    this(uri(base), token, false);
  }

  private ApiClient(URI base, String token, boolean privileged) {
    this.base = base;
    this.token = token;
    this.privileged = privileged;
  }

  private static URI uri(URL base) {
    try {
      String root = base.toString();
      return new URI(root.endsWith("/") ? root : root + "/");
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** This client, for a user who may see every field: its answers are not scanned. */
  public ApiClient privileged() {
    return new ApiClient(base, token, true);
  }

  /** Signs in with a password and keeps the token issued. */
  public static ApiClient signIn(URL base, String username, String password) throws Exception {
    ApiClient anonymous = new ApiClient(base, null);
    HttpResponse<String> issued =
        anonymous.send(
            "POST",
            "api/v1/auth/tokens",
            "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    if (issued.statusCode() != 201) {
      throw new IllegalStateException("sign-in failed: " + issued.body());
    }
    return new ApiClient(base, json(issued).getString("token"));
  }

  /** The bearer token this client sends. */
  public String token() {
    return token;
  }

  /** Sends a JSON body (or none); {@code headers} are name, value pairs. */
  public HttpResponse<String> send(String method, String path, String body, String... headers)
      throws Exception {
    return sendBytes(
        method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
  }

  public HttpResponse<String> sendBytes(String method, String path, byte[] body, String... headers)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    boolean typed = false;
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
      typed |= headers[i].equalsIgnoreCase("Content-Type");
    }
    if (!typed && body != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    RefusedRequests.Mark mark = RefusedRequests.before(method, path);
    HttpResponse<String> answer;
    try {
      answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      RefusedRequests.after(mark, method, path, 0);
      throw e;
    }
    RefusedRequests.after(mark, method, path, answer.statusCode());
    OpenApiConformance.check(base, token, method, path, answer);
    if (!privileged && answer.body().contains(HIDDEN)) {
      throw new AssertionError(
          method + " " + path + " showed a hidden field's value: " + answer.body());
    }
    return answer;
  }

  public static JsonObject json(HttpResponse<String> answer) {
    return json(answer.body());
  }

  public static JsonObject json(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }
}
