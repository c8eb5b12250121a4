package io.relata.platform.identity;

import java.util.List;
import java.util.Optional;

/**
 * What a token may use of its user's rights: only the named permission sets (empty: every set the
 * user holds, now and later), and with {@code readOnly} no request that writes. A scope narrows, it
 * never adds: a set the user does not hold is refused when the token is issued, and one taken from
 * the user later stops counting for the token at once.
 */
public record TokenScope(Optional<List<String>> permissionSets, boolean readOnly) {

  /** Everything the user holds. */
  public static final TokenScope FULL = new TokenScope(Optional.empty(), false);

  public TokenScope {
    permissionSets = permissionSets.map(List::copyOf);
  }
}
