package io.relata.platform.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.metadata.access.AccessDocuments;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A metadata revision: who changed the model, when, why, and the whole model after the change.
 *
 * @param access the roles, permission sets and sharing rules of the revision
 * @param renames the field renames this revision applied, {@code {object, from, to}} each, so that
 *     a revert can rename back instead of dropping a column
 */
public record Revision(
    long number,
    OffsetDateTime createdAt,
    UUID authorId,
    String comment,
    List<JsonNode> objects,
    AccessDocuments access,
    List<Rename> renames) {

  public Revision {
    objects = List.copyOf(objects);
    renames = List.copyOf(renames);
  }

  /** A field renamed by a revision. */
  public record Rename(String object, String from, String to) {}
}
