package io.relata.platform.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The signature is the one Standard Webhooks receivers check. */
class SignatureTest {

  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final String BODY = "{\"test\": 2432232314}";

  @Test
  void theSpecificationsExampleSignsAsItSays() {
    assertEquals(
        "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
        Signature.sign(SECRET, ID, 1614265330L, BODY));
  }

  @Test
  void anotherMomentOrBodySignsDifferentlyAndOnlyASecretSigns() {
    String signed = Signature.sign(SECRET, ID, 1614265330L, BODY);
    assertNotEquals(signed, Signature.sign(SECRET, ID, 1614265331L, BODY));
    assertNotEquals(signed, Signature.sign(SECRET, ID, 1614265330L, BODY + " "));
    assertThrows(IllegalArgumentException.class, () -> Signature.sign("secret", ID, 1L, BODY));
  }
}
