package io.relata.ui.shell;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A failure the user met, logged in full under a short reference the user is shown instead: the
 * administrator finds the stack trace in the server's log by it, the user never sees it.
 */
final class Incident {

  private static final Logger LOG = Logger.getLogger(Incident.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();

  private Incident() {}

  /** Logs {@code failure} and returns its reference, eight hexadecimal digits. */
  static String log(Throwable failure) {
    byte[] bytes = new byte[4];
    RANDOM.nextBytes(bytes);
    String reference = HexFormat.of().formatHex(bytes);
    LOG.log(Level.SEVERE, "Failure shown to a user as reference " + reference, failure);
    return reference;
  }
}
