package io.relata.platform.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordLoginTest {

  /** Stands in for PBKDF2 and counts verifications, the costly step. */
  private static final class CountingHash implements Pbkdf2PasswordHash {
    int verifications;

    @Override
    public void initialize(Map<String, String> parameters) {}

    @Override
    public String generate(char[] password) {
      return "hash:" + new String(password);
    }

    @Override
    public boolean verify(char[] password, String hashedPassword) {
      verifications++;
      return hashedPassword.equals(generate(password));
    }
  }

  private final CountingHash pbkdf2 = new CountingHash();
  private final FakeUsers users = new FakeUsers();
  private final PasswordLogin login = new PasswordLogin(users, new PasswordHashing(pbkdf2));
  private final User karin = new User("karin", "hash:s3cret", OffsetDateTime.now());

  PasswordLoginTest() {
    users.add(karin);
  }

  @Test
  void rightPasswordIdentifiesTheUserInAnyLetterCase() {
    assertEquals(
        Optional.of(karin.asActor()), login.authenticate(" Karin ", "s3cret".toCharArray()));
  }

  @Test
  void wrongPasswordUnknownUserAndFrozenUserGetTheSameAnswerForTheSameWork() {
    pbkdf2.verifications = 0;
    assertTrue(login.authenticate("karin", "wrong".toCharArray()).isEmpty());
    assertEquals(1, pbkdf2.verifications);

    assertTrue(login.authenticate("nobody", "s3cret".toCharArray()).isEmpty());
    assertEquals(2, pbkdf2.verifications, "an unknown user costs one verification too");

    karin.deactivate();
    assertTrue(login.authenticate("karin", "s3cret".toCharArray()).isEmpty());
    assertEquals(3, pbkdf2.verifications);
  }

  @Test
  void missingCredentialsAreRefused() {
    assertTrue(login.authenticate(null, "s3cret".toCharArray()).isEmpty());
    assertTrue(login.authenticate(" ", "s3cret".toCharArray()).isEmpty());
    assertTrue(login.authenticate("karin", null).isEmpty());
  }
}
