package io.relata.platform.metadata;

import io.relata.platform.schema.SchemaPlan;
import java.util.Optional;

/**
 * What an admin confirmed of a change that deletes data: nothing, the plan they were shown (by its
 * {@link SchemaPlan#fingerprint() fingerprint}), or whatever the plan is ({@code confirm=true}, for
 * clients that decided beforehand). A plan confirmed by its fingerprint runs only if it still
 * deletes the same things; else the admin is shown the new plan and asked again.
 */
public record Confirmation(boolean any, Optional<String> fingerprint) {

  public static final Confirmation NONE = new Confirmation(false, Optional.empty());
  public static final Confirmation ANY = new Confirmation(true, Optional.empty());

  /** The plan with {@code fingerprint}, as shown. */
  public static Confirmation of(String fingerprint) {
    return new Confirmation(false, Optional.of(fingerprint));
  }

  /**
   * From the API's {@code confirm} parameter: {@code true}, a plan's fingerprint, or absent or
   * {@code false} for none.
   */
  public static Confirmation parse(String confirm) {
    if (confirm == null || confirm.isBlank() || confirm.equalsIgnoreCase("false")) {
      return NONE;
    }
    return confirm.equalsIgnoreCase("true") ? ANY : of(confirm.trim());
  }

  /** Whether this confirms {@code plan}. */
  public boolean covers(SchemaPlan plan) {
    return any || fingerprint.filter(plan.fingerprint()::equals).isPresent();
  }
}
