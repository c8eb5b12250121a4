package io.relata.platform.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.metadata.access.AccessDocuments;
import io.relata.metadata.kind.Documents;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A metadata revision: who changed the model, when, why, and the whole model after the change.
 *
 * @param documents every document of the model after the change, by kind
 * @param renames the field renames this revision applied, {@code {object, from, to}} each, so that
 *     a revert can rename back instead of dropping a column
 */
public record Revision(
    long number,
    OffsetDateTime createdAt,
    UUID authorId,
    String comment,
    Documents documents,
    List<Rename> renames) {

  public Revision {
    renames = List.copyOf(renames);
  }

  /** The revision's objects. */
  public List<JsonNode> objects() {
    return documents.objects();
  }

  /** The revision's roles, permission sets and sharing rules. */
  public AccessDocuments access() {
    return documents.access();
  }

  /** A field renamed by a revision. */
  public record Rename(String object, String from, String to) {}
}
