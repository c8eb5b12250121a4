package io.relata.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One relata.jar, started as the README starts it, shared by the browser test classes whose stories
 * do not meet (each names its own objects and users): started for the first class that asks,
 * stopped when the whole test run ends. A start costs half a minute, paid once.
 */
public final class SharedRelata implements BeforeAllCallback {

  /** The admin's password, and the one the stories give their users. */
  public static final String PASSWORD = "Shared-test-1";

  private static Running running;

  @Override
  public void beforeAll(ExtensionContext context) {
    context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(SharedRelata.class, key -> start(), Running.class);
  }

  /** The server; only after the extension ran for the class. */
  public static RelataProcess server() {
    return running.server();
  }

  /** The server's address, ending in a slash. */
  public static java.net.URL url() {
    try {
      return running.server().uri("/").toURL();
    } catch (java.net.MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A privileged API client signed in as the admin. */
  public static ApiClient admin() {
    return running.admin();
  }

  private static Running start() {
    try {
      Path dataDir = Path.of(System.getProperty("relata.test.work"), "shared");
      RelataProcess.deleteTree(dataDir);
      RelataProcess server =
          RelataProcess.start(dataDir, Map.of("RELATA_ADMIN_PASSWORD", PASSWORD));
      assertTrue(server.awaitReady(Duration.ofMinutes(4)), server::output);
      running =
          new Running(
              server, ApiClient.signIn(server.uri("/").toURL(), "admin", PASSWORD).privileged());
      return running;
    } catch (Exception e) {
      throw new IllegalStateException("relata.jar did not start", e);
    }
  }

  /** The server while it runs; closed by JUnit when the run ends. */
  private record Running(RelataProcess server, ApiClient admin)
      implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      server.close();
    }
  }
}
