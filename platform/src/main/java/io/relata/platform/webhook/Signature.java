package io.relata.platform.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature (standardwebhooks.com): an HMAC-SHA256 of {@code
 * id.timestamp.body} keyed with the secret's bytes, sent as {@code webhook-signature: v1,<base64>}
 * beside {@code webhook-id} and {@code webhook-timestamp}. A receiver recomputes it with the same
 * secret, and refuses a timestamp too far from its own clock to stop replays.
 */
public final class Signature {

  /** The prefix of a secret as the platform shows it; the rest is its key in base64. */
  public static final String PREFIX = "whsec_";

  private Signature() {}

  /** The {@code webhook-signature} header's value for one attempt at one message. */
  public static String sign(String secret, String id, long timestamp, String body) {
    if (!secret.startsWith(PREFIX)) {
      throw new IllegalArgumentException("not a webhook secret");
    }
    byte[] key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] signed =
          mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(signed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
