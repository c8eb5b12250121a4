package io.relata.platform.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.Test;

class ApiTokensTest {

  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  private final FakeUsers users = new FakeUsers();
  private final List<ApiToken> stored = new ArrayList<>();
  private final ApiTokenRepository tokens =
      new ApiTokenRepository() {
        @Override
        public void add(ApiToken token) {
          stored.add(token);
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
                          .map(u -> new Holder(u.asActor(), u.active(), t.expiresAt(), false)));
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
    ApiTokens.Issued issued = at(T0).issue(alice.asActor());

    assertEquals(Optional.of(alice.asActor()), at(T0).authenticate(issued.token()));
    assertEquals(OffsetDateTime.parse("2026-12-23T10:00:00Z"), issued.expiresAt());
    assertTrue(issued.token().startsWith("rlt_"));
    assertTrue(stored.stream().noneMatch(t -> new String(t.tokenHash()).contains(issued.token())));
  }

  @Test
  void aTokenStopsWorkingWhenItExpires() {
    String token = at(T0).issue(alice.asActor()).token();

    assertTrue(at(T0.plus(Duration.ofDays(30)).minusSeconds(1)).authenticate(token).isPresent());
    assertTrue(at(T0.plus(Duration.ofDays(30))).authenticate(token).isEmpty());
  }

  @Test
  void aTokenOfAFrozenUserIsRefused() {
    String token = at(T0).issue(alice.asActor()).token();
    alice.deactivate();

    assertTrue(at(T0).authenticate(token).isEmpty());
  }

  @Test
  void somethingThatIsNotOneOfOurTokensIsRefusedWithoutALookup() {
    String token = at(T0).issue(alice.asActor()).token();

    assertTrue(at(T0).authenticate(token.substring(4)).isEmpty(), "without the prefix");
    assertTrue(at(T0).authenticate(token + "x").isEmpty(), "altered");
    assertTrue(at(T0).authenticate("rlt_" + "a".repeat(300)).isEmpty(), "oversized");
    assertTrue(at(T0).authenticate(null).isEmpty());
  }
}
