package io.relata.platform.identity;

import java.security.SecureRandom;
import java.util.Base64;

/** Random secrets for generated passwords and API tokens. */
final class SecretText {

  private static final SecureRandom RANDOM = new SecureRandom();

  private SecretText() {}

  /** {@code bytes} random bytes, base64url-encoded without padding. */
  static String random(int bytes) {
    byte[] secret = new byte[bytes];
    RANDOM.nextBytes(secret);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }
}
