package io.relata.platform.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relata.platform.audit.AuditEntry;
import io.relata.platform.testing.MutableClock;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.time.Duration;
import java.time.Instant;
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
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
  private final FakeLoginAttempts attempts = new FakeLoginAttempts();
  private final PasswordLogin login =
      new PasswordLogin(
          users,
          new PasswordHashing(pbkdf2),
          attempts,
          clock,
          new LoginPolicy(3, Duration.ofMinutes(15)));
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
  void everyAttemptIsAuditedOnceAndARefusalKeepsTheTypedNameAsAValue() {
    login.authenticate("karin", "s3cret".toCharArray());
    login.authenticate(" Karin ", "wrong".toCharArray());
    login.authenticate("nobody", "wrong".toCharArray());

    assertEquals(3, attempts.audited.size());
    AuditEntry admitted = attempts.audited.get(0);
    assertEquals("login", admitted.action());
    assertEquals(Optional.of(karin.id()), admitted.actor());
    AuditEntry refused = attempts.audited.get(1);
    assertEquals("login.failed", refused.action());
    assertEquals(Optional.empty(), refused.actor(), "a refused login has no actor");
    assertEquals(Optional.of(karin.id()), refused.recordId(), "but names the account tried");
    assertEquals("Karin", refused.changes().get(0).after().asText());
    AuditEntry unknown = attempts.audited.get(2);
    assertEquals(Optional.empty(), unknown.recordId());
    assertEquals("nobody", unknown.changes().get(0).after().asText());
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

  @Test
  void repeatedWrongPasswordsLockTheAccountEvenAgainstTheRightOne() {
    for (int i = 0; i < 3; i++) {
      assertTrue(login.authenticate("karin", "guess".toCharArray()).isEmpty());
    }
    pbkdf2.verifications = 0;
    attempts.calls = 0;
    assertTrue(login.authenticate("Karin", "s3cret".toCharArray()).isEmpty());
    assertEquals(1, pbkdf2.verifications, "a locked account costs the same work as any other");
    assertEquals(1, attempts.calls);
  }

  @Test
  void everyRefusalDoesTheSameWorkWhetherOrNotTheUserExists() {
    attempts.calls = 0;
    pbkdf2.verifications = 0;
    login.authenticate("karin", "guess".toCharArray());
    login.authenticate("nobody", "guess".toCharArray());
    karin.deactivate();
    login.authenticate("karin", "s3cret".toCharArray());
    assertEquals(3, attempts.calls, "one recorded attempt each");
    assertEquals(3, pbkdf2.verifications, "one verification each");
  }

  @Test
  void unknownNamesLockLikeKnownOnes() {
    for (int i = 0; i < 3; i++) {
      login.authenticate("nobody", "guess".toCharArray());
    }
    users.add(new User("nobody", "hash:now-i-exist", OffsetDateTime.now(clock)));
    assertTrue(login.authenticate("nobody", "now-i-exist".toCharArray()).isEmpty());
    assertTrue(
        login.authenticate("karin", "s3cret".toCharArray()).isPresent(),
        "other names are not affected");
  }

  @Test
  void theLockEndsOnTimeAndGuessingDuringItDoesNotProlongIt() {
    for (int i = 0; i < 3; i++) {
      login.authenticate("karin", "guess".toCharArray());
    }
    clock.advance(Duration.ofMinutes(14));
    assertTrue(login.authenticate("karin", "guess".toCharArray()).isEmpty());
    assertTrue(login.authenticate("karin", "s3cret".toCharArray()).isEmpty());
    clock.advance(Duration.ofMinutes(1));
    assertEquals(Optional.of(karin.asActor()), login.authenticate("karin", "s3cret".toCharArray()));
  }

  @Test
  void aSuccessStartsTheCountAgain() {
    login.authenticate("karin", "guess".toCharArray());
    login.authenticate("karin", "guess".toCharArray());
    assertTrue(login.authenticate("karin", "s3cret".toCharArray()).isPresent());
    login.authenticate("karin", "guess".toCharArray());
    login.authenticate("karin", "guess".toCharArray());
    assertTrue(
        login.authenticate("karin", "s3cret".toCharArray()).isPresent(),
        "two failures after a success are not three in a row");
  }

  @Test
  void afterALockTheNameHasTheFullNumberOfAttemptsAgain() {
    for (int i = 0; i < 3; i++) {
      login.authenticate("karin", "guess".toCharArray());
    }
    clock.advance(Duration.ofMinutes(15));
    login.authenticate("karin", "guess".toCharArray());
    login.authenticate("karin", "guess".toCharArray());
    assertTrue(login.authenticate("karin", "s3cret".toCharArray()).isPresent());
  }
}
