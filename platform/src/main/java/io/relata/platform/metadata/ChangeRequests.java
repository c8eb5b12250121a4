package io.relata.platform.metadata;

import io.relata.metadata.kind.Documents;
import io.relata.platform.identity.Actor;
import io.relata.platform.rest.ConfirmationRequiredException;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.JsonBuilders;
import java.util.Locale;
import java.util.function.Function;

/**
 * A model change asked for over the API: a refusal becomes a 422 problem whose pointers lead into
 * the request, a destructive plan not confirmed a 409 that carries the plan in the caller's
 * language.
 */
public final class ChangeRequests {

  private ChangeRequests() {}

  /**
   * Applies (or, with {@code dryRun}, plans) {@code edit} for {@code actor}; {@code pointerPrefix}
   * turns an object's name into the pointer of its document in the request.
   */
  public static MetadataService.Outcome apply(
      MetadataService metadata,
      Actor actor,
      Function<Documents, Documents> edit,
      String comment,
      boolean dryRun,
      String confirm,
      Function<String, String> pointerPrefix,
      Locale locale) {
    try {
      return metadata.changeDocuments(actor, edit, comment, dryRun, Confirmation.parse(confirm));
    } catch (MetadataService.Refused refused) {
      throw new InvalidRequestException(
          MetadataResource.violations(refused.problems(), pointerPrefix));
    } catch (MetadataService.NeedsConfirmation needed) {
      throw new ConfirmationRequiredException(JsonBuilders.read(json(needed.outcome(), locale)));
    }
  }

  /** What a change did or would do, as the API answers: its changes and its plan in words. */
  public static String json(MetadataService.Outcome outcome, Locale locale) {
    return MetadataJson.write(ChangeJson.outcome(outcome, locale));
  }
}
