package io.relata.ui.session;

import io.relata.platform.identity.PasswordHashing;
import io.relata.platform.identity.UserRepository;
import io.relata.testing.TestUsers;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

/**
 * Test-only, added to one deployment, for tests that run outside it: {@code POST
 * /test-hooks/clock?advance=PT31M} moves the {@link MovableClock}; {@code POST /test-hooks/user}
 * adds a user with {@link TestUsers#PASSWORD} and answers their name. The static methods are the
 * tests' side of the hooks.
 */
@WebServlet("/test-hooks/*")
public class TestHooks extends HttpServlet {

  @Inject private UserRepository users;
  @Inject private PasswordHashing passwords;
  @Inject private Clock clock;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String hook = request.getPathInfo();
    if ("/clock".equals(hook)) {
      MovableClock.advance(Duration.parse(request.getParameter("advance")));
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    } else if ("/user".equals(hook)) {
      String name = TestUsers.administrator(users, passwords, clock, "screen").username();
      response.setContentType("text/plain");
      response.getWriter().write(name);
    } else {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
  }

  /** {@code path} under the deployment's {@code base} URL. */
  static String url(URL base, String path) {
    String root = base.toString();
    return (root.endsWith("/") ? root : root + "/") + path;
  }

  /** Adds a user holding the administrator set; their name. */
  static String user(URL base) throws IOException, InterruptedException {
    return call(base, "user");
  }

  /** Moves the deployment's clock forward. */
  static void advance(URL base, Duration by) throws IOException, InterruptedException {
    call(base, "clock?advance=" + by);
  }

  private static String call(URL base, String hook) throws IOException, InterruptedException {
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url(base, "test-hooks/" + hook)))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() / 100 != 2) {
      throw new IllegalStateException("hook " + hook + " answered " + answer.statusCode());
    }
    return answer.body();
  }
}
