package io.relata.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerOutputTest {

  @Test
  void aWarningsStackTraceIsNoFailedDeployment() {
    ServerOutput output =
        follow(
            "2026-12-04T14:23:21.025Z WARNING some.Logger: a warning",
            "Caused by: java.io.IOException: not fatal",
            "2026-12-04T14:23:40.000Z INFO PayaraMicro: Payara Micro 6.2025.10 ready in 20,000 (ms)");

    assertTrue(output.payaraReady().isPresent());
    assertEquals(Optional.empty(), output.failure());
  }

  @Test
  void aFailedDeploymentIsToldByItsRootCause() {
    ServerOutput output =
        follow(
            "2026-12-04T14:21:42.167Z SEVERE javax.enterprise.system.core: Exception while loading"
                + " the app : EJB Container initialization error",
            "Caused by: jakarta.ejb.CreateException: Initialization failed for Singleton Check",
            "Caused by: java.lang.IllegalStateException: RELATA_OIDC_CLIENT_ID is required");

    assertEquals(Optional.of("RELATA_OIDC_CLIENT_ID is required"), output.failure());
  }

  private static ServerOutput follow(String... lines) {
    ServerOutput output = new ServerOutput();
    for (String line : lines) {
      output.read(line);
    }
    return output;
  }
}
