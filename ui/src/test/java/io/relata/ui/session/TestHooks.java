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
import java.time.Clock;
import java.time.Duration;

/**
 * Test-only, added to one deployment, for tests that run outside it: {@code POST
 * /test-hooks/clock?advance=PT31M} moves the {@link MovableClock}; {@code POST /test-hooks/user}
 * adds a user with {@link TestUsers#PASSWORD} and answers their name.
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
}
