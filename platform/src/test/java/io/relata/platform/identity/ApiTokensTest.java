package io.relata.platform.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relata.platform.audit.AuditEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ApiTokensTest {

  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  private final FakeUsers users = new FakeUsers();
  private final List<ApiToken> stored = new ArrayList<>();
  private final ApiTokenRepository tokens =
      new ApiTokenRepository() {
        @Override
        public java.util.Set<String> permissionSetsOf(UUID userId) {
          return java.util.Set.of("seller");
        }

        @Override
        public void add(ApiToken token, AuditEntry issued) {
          stored.add(token);
        }

        @Override
        public List<ApiToken> ofUser(UUID userId) {
          return stored.stream().filter(t -> t.userId().equals(userId)).toList();
        }

        @Override
        public boolean change(
            UUID userId, UUID tokenId, Consumer<ApiToken> change, AuditEntry audit) {
          Optional<ApiToken> token =
              stored.stream()
                  .filter(t -> t.id().equals(tokenId) && t.userId().equals(userId))
                  .findFirst();
          token.ifPresent(change);
          return token.isPresent();
        }

        @Override
        public Optional<Holder> findByHash(byte[] hash) {
          return stored.stream()
              .filter(t -> Arrays.equals(t.tokenHash(), hash))
              .findFirst()
              .flatMap(
                  t ->
                      users
                          .find(t.userId())
                          .map(
                              u ->
                                  new Holder(
                                      u.asActor(),
                                      u.active(),
                                      t.expiresAt(),
                                      t.revokedAt().isPresent())));
        }
      };
  private final User alice =
      new User("Alice", "hash", OffsetDateTime.ofInstant(T0, ZoneOffset.UTC));

  ApiTokensTest() {
    users.add(alice);
  }

  private ApiTokens at(Instant now) {
    return new ApiTokens(tokens, Clock.fixed(now, ZoneId.of("UTC")), Duration.ofDays(30));
  }

  @Test
  void anIssuedTokenIdentifiesItsUserAndOnlyItsDigestIsStored() {
    ApiTokens.Issued issued = at(T0).issue(alice.asActor(), Optional.empty());

    assertEquals(Optional.of(alice.asActor()), at(T0).authenticate(issued.token()));
    assertEquals(OffsetDateTime.parse("2026-12-23T10:00:00Z"), issued.expiresAt());
    assertTrue(issued.token().startsWith("rlt_"));
    assertTrue(stored.stream().noneMatch(t -> new String(t.tokenHash()).contains(issued.token())));
  }

  @Test
  void aTokenStopsWorkingWhenItExpires() {
    String token = at(T0).issue(alice.asActor(), Optional.empty()).token();

    assertTrue(at(T0.plus(Duration.ofDays(30)).minusSeconds(1)).authenticate(token).isPresent());
    assertTrue(at(T0.plus(Duration.ofDays(30))).authenticate(token).isEmpty());
  }

  @Test
  void aTokenOfAFrozenUserIsRefused() {
    String token = at(T0).issue(alice.asActor(), Optional.empty()).token();
    alice.deactivate();

    assertTrue(at(T0).authenticate(token).isEmpty());
  }

  @Test
  void somethingThatIsNotOneOfOurTokensIsRefusedWithoutALookup() {
    String token = at(T0).issue(alice.asActor(), Optional.empty()).token();

    assertTrue(at(T0).authenticate(token.substring(4)).isEmpty(), "without the prefix");
    assertTrue(at(T0).authenticate(token + "x").isEmpty(), "altered");
    assertTrue(at(T0).authenticate("rlt_" + "a".repeat(300)).isEmpty(), "oversized");
    assertTrue(at(T0).authenticate(null).isEmpty());
  }

  @Test
  void aRevokedTokenStopsWorkingAndOnlyItsOwnerCanRevokeIt() {
    User bob = new User("Bob", "hash", OffsetDateTime.ofInstant(T0, ZoneOffset.UTC));
    users.add(bob);
    ApiTokens.Issued kept = at(T0).issue(alice.asActor(), Optional.of("CI export"));
    ApiTokens.Issued revoked = at(T0).issue(alice.asActor(), Optional.empty());

    assertFalse(at(T0).revoke(bob.asActor(), revoked.id()), "not Bob's token");
    assertTrue(at(T0).authenticate(revoked.token()).isPresent());
    assertTrue(at(T0).revoke(alice.asActor(), revoked.id()));

    assertTrue(at(T0).authenticate(revoked.token()).isEmpty());
    assertTrue(at(T0).authenticate(kept.token()).isPresent());
    assertEquals(2, at(T0).of(alice.asActor()).size());
    assertEquals(Optional.of("CI export"), at(T0).of(alice.asActor()).get(0).name());
    assertTrue(at(T0).of(bob.asActor()).isEmpty());
  }
}
