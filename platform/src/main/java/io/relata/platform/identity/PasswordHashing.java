package io.relata.platform.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Hashes and verifies passwords with PBKDF2-HMAC-SHA512 (Jakarta Security's implementation). The
 * stored form names algorithm, iterations and salt, so that stronger parameters later still verify
 * old hashes.
 */
@ApplicationScoped
public class PasswordHashing {

  /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA512. */
  static final int ITERATIONS = 210_000;

  private final Pbkdf2PasswordHash pbkdf2;

  /** A hash of a password nobody knows: verified when the user does not exist, to cost the same. */
  private final String decoy;

  @Inject
  public PasswordHashing(Pbkdf2PasswordHash pbkdf2) {
    this.pbkdf2 = pbkdf2;
    pbkdf2.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", Integer.toString(ITERATIONS),
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "32"));
    decoy = pbkdf2.generate(SecretText.random(24).toCharArray());
  }

  /** For the CDI proxy only. */
  protected PasswordHashing() {
    this.pbkdf2 = null;
    this.decoy = null;
  }

  public String hash(char[] password) {
    return pbkdf2.generate(password);
  }

  public boolean verify(char[] password, String hash) {
    return pbkdf2.verify(password, hash);
  }

  /** Spends the time of one verification without a user to check against. */
  public void verifyDecoy(char[] password) {
    pbkdf2.verify(password, decoy);
  }
}
