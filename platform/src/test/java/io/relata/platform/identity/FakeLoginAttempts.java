package io.relata.platform.identity;

import io.relata.platform.audit.AuditEntry;
import java.nio.ByteBuffer;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Login attempts in memory, for tests of {@link PasswordLogin}; counts the store's calls. */
final class FakeLoginAttempts implements LoginAttemptStore {

  private final Map<ByteBuffer, LoginAttempts.State> states = new HashMap<>();
  final List<AuditEntry> audited = new ArrayList<>();
  int calls;

  @Override
  public boolean attempt(
      byte[] key,
      OffsetDateTime now,
      Function<LoginAttempts.State, LoginAttempts.Outcome> decision,
      Function<Boolean, AuditEntry> audit) {
    calls++;
    ByteBuffer name = ByteBuffer.wrap(key.clone());
    LoginAttempts.Outcome outcome =
        decision.apply(states.getOrDefault(name, LoginAttempts.State.NONE));
    states.put(name, outcome.next());
    audited.add(audit.apply(outcome.admitted()));
    return outcome.admitted();
  }

  @Override
  public int forgetQuietSince(OffsetDateTime before) {
    throw new UnsupportedOperationException("not needed by these tests");
  }
}
