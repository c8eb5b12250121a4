package io.relata.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * A blocking HTTP/1.1 client on the JDK's {@link HttpURLConnection}, which keeps connections alive
 * and does its work on the calling thread. Benchmarks use it so that what they time is the server:
 * {@code java.net.http.HttpClient} hands every exchange to its selector thread, and on two cores
 * that hand-off costs as much as a small request.
 */
public final class PlainHttp {

  /** An answer: status and body. */
  public record Answer(int status, String body) {}

  private final URL base;
  private final String token;

  /**
   * @param base the application's root URL, ending in a slash
   * @param token the bearer token to send, or null
   */
  public PlainHttp(URL base, String token) {
    this.base = base;
    this.token = token;
  }

  public Answer send(String method, String path, String json) throws IOException {
    HttpURLConnection exchange = (HttpURLConnection) new URL(base, path).openConnection();
    exchange.setRequestMethod(method);
    if (token != null) {
      exchange.setRequestProperty("Authorization", "Bearer " + token);
    }
    if (json != null) {
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      exchange.setDoOutput(true);
      exchange.setRequestProperty("Content-Type", "application/json");
      exchange.setFixedLengthStreamingMode(body.length);
      try (OutputStream out = exchange.getOutputStream()) {
        out.write(body);
      }
    }
    int status = exchange.getResponseCode();
    // reading the body to its end and closing it hands the connection back for the next request
    try (InputStream in = status >= 400 ? exchange.getErrorStream() : exchange.getInputStream()) {
      return new Answer(
          status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
