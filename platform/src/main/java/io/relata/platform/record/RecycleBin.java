package io.relata.platform.record;

import static io.relata.platform.schema.Identifiers.quote;

import io.relata.metadata.definition.OnDelete;
import io.relata.platform.rest.ConflictException;
import io.relata.platform.rest.ProblemException.Violation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Soft delete and restore. A deleted record keeps its row with {@code deleted_at} set; its
 * master-detail children (records whose lookup says cascade, and records about it, such as its
 * activities) go to the recycle bin with it, at the same instant, and come back with it on restore
 * — but children deleted on their own earlier stay deleted. A restrict lookup from a live record
 * stops the delete. Purging (a real {@code DELETE}) leaves the children to the foreign keys and the
 * records about it to {@link AboutLinks#purge}.
 */
final class RecycleBin {

  private RecycleBin() {}

  /**
   * Moves the record and what cascades from it to the recycle bin; answers the record as stored.
   * The roll-ups over the record itself are the write's derive stage; those over its cascaded
   * children are kept here.
   */
  static Map<String, Object> recycle(Connection connection, RecordChange change)
      throws SQLException {
    CompiledObjects.Snapshot snapshot = change.snapshot();
    CompiledObject object = change.object();
    Map<String, Object> current = change.before().orElseThrow();
    WriteContext context = change.context();
    OffsetDateTime now = context.now();
    UUID actor = context.actor().id();
    UUID id = (UUID) current.get("id");
    List<Violation> referrers = new ArrayList<>();
    for (CompiledObjects.Reference reference : snapshot.referencesTo(object.name())) {
      if (!reference.master() && reference.onDelete() == OnDelete.RESTRICT) {
        String sql =
            "SELECT 1 FROM "
                + snapshot.object(reference.object()).orElseThrow().table()
                + " WHERE "
                + quote(reference.field().name())
                + " = ? AND \"deleted_at\" IS NULL LIMIT 1";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
          statement.setObject(1, id);
          try (ResultSet rows = statement.executeQuery()) {
            if (rows.next()) {
              referrers.add(
                  new Violation(
                      reference.object() + "." + reference.field().name(),
                      "record.referenced-by",
                      List.of(reference.object())));
            }
          }
        }
      }
    }
    if (!referrers.isEmpty()) {
      throw new ConflictException("problem.referenced", referrers, Map.of());
    }
    List<Map<String, Object>> moved =
        move(connection, object, "\"id\" = ?", id, "NULL", now, now, actor);
    cascade(connection, change, object, id, object.name(), List.of(id), null);
    return moved.get(0);
  }

  /** Takes the record and what was deleted with it out of the recycle bin; answers the record. */
  static Map<String, Object> restore(Connection connection, RecordChange change)
      throws SQLException {
    CompiledObjects.Snapshot snapshot = change.snapshot();
    CompiledObject object = change.object();
    Map<String, Object> recycled = change.before().orElseThrow();
    WriteContext context = change.context();
    OffsetDateTime now = context.now();
    UUID actor = context.actor().id();
    for (io.relata.metadata.definition.FieldDefinition field : object.definition().fields()) {
      if (field.type() instanceof io.relata.metadata.definition.FieldType.MasterDetail md
          && recycled.get(field.name()) instanceof UUID parent) {
        CompiledObject master = snapshot.object(md.target()).orElseThrow();
        if (RecordStore.find(connection, master, parent, false, false).isEmpty()) {
          throw parentRecycled(field);
        }
      }
      if (field.type() instanceof io.relata.metadata.definition.FieldType.About
          && recycled.get(field.name()) instanceof com.fasterxml.jackson.databind.JsonNode link) {
        java.util.Optional<CompiledObject> target = snapshot.object(link.path("object").asText());
        if (target.isEmpty()
            || RecordStore.find(
                    connection,
                    target.get(),
                    UUID.fromString(link.path("id").asText()),
                    false,
                    false)
                .isEmpty()) {
          throw parentRecycled(field);
        }
      }
    }
    OffsetDateTime deletedAt = (OffsetDateTime) recycled.get("deleted_at");
    UUID id = (UUID) recycled.get("id");
    List<Map<String, Object>> moved =
        move(connection, object, "\"id\" = ?", id, "NOT NULL", null, now, actor);
    cascade(connection, change, object, id, object.name(), List.of(id), deletedAt);
    return moved.get(0);
  }

  private static ConflictException parentRecycled(
      io.relata.metadata.definition.FieldDefinition field) {
    return new ConflictException(
        "problem.parent-recycled",
        List.of(new Violation("/" + field.name(), "record.parent-recycled", List.of())),
        Map.of());
  }

  /**
   * Moves the children of {@code parents} along: into the recycle bin when {@code deletedAt} is
   * null, out of it (those deleted at {@code deletedAt}) otherwise; then their children. Each moved
   * record gets an audit entry of its own that names {@code root}, where the move started.
   */
  private static void cascade(
      Connection connection,
      RecordChange change,
      CompiledObject root,
      UUID rootId,
      String objectName,
      List<UUID> parents,
      OffsetDateTime deletedAt)
      throws SQLException {
    CompiledObjects.Snapshot snapshot = change.snapshot();
    WriteContext context = change.context();
    OffsetDateTime now = context.now();
    UUID actor = context.actor().id();
    List<Link> links = new ArrayList<>();
    for (CompiledObjects.Reference reference : snapshot.referencesTo(objectName)) {
      if (reference.master() || reference.onDelete() == OnDelete.CASCADE) {
        links.add(
            new Link(
                reference,
                quote(reference.field().name()) + " = ANY(?)",
                List.of(connection.createArrayOf("uuid", parents.toArray()))));
      }
    }
    for (CompiledObjects.Reference reference : snapshot.aboutAny()) {
      String column = quote(reference.field().name());
      links.add(
          new Link(
              reference,
              column + "->>'object' = ? AND " + column + "->>'id' = ANY(?)",
              List.of(
                  objectName,
                  connection.createArrayOf(
                      "text", parents.stream().map(UUID::toString).toArray()))));
    }
    for (Link link : links) {
      CompiledObject child = snapshot.object(link.reference().object()).orElseThrow();
      List<Map<String, Object>> moved;
      if (deletedAt == null) {
        moved = move(connection, child, link.where(), link.binds(), "NULL", now, now, actor);
      } else {
        List<Object> binds = new ArrayList<>(link.binds());
        binds.add(deletedAt);
        moved =
            move(
                connection,
                child,
                link.where() + " AND \"deleted_at\" = ?",
                binds,
                "NOT NULL",
                null,
                now,
                actor);
      }
      if (!moved.isEmpty()) {
        List<UUID> ids = moved.stream().map(r -> (UUID) r.get("id")).toList();
        change.cascaded(child.name(), ids);
        RollUps.refreshAll(connection, snapshot, child.name(), moved);
        RecordAudit.cascaded(
            connection,
            context,
            deletedAt == null ? "record.delete" : "record.restore",
            child,
            moved,
            root.name(),
            rootId);
        cascade(connection, change, root, rootId, child.name(), ids, deletedAt);
      }
    }
  }

  /** Records of {@code reference}'s object that hang from the moved ones: {@code where}. */
  private record Link(CompiledObjects.Reference reference, String where, List<Object> binds) {}

  /**
   * Sets {@code deleted_at} to {@code to} on the records matching {@code where} whose {@code
   * deleted_at} IS {@code from}; answers them as stored.
   */
  private static List<Map<String, Object>> move(
      Connection connection,
      CompiledObject object,
      String where,
      Object binds,
      String from,
      OffsetDateTime to,
      OffsetDateTime now,
      UUID actor)
      throws SQLException {
    String sql =
        "UPDATE "
            + object.table()
            + " SET \"deleted_at\" = ?, \"updated_at\" = ?, \"updated_by\" = ?,"
            + " \"version\" = \"version\" + 1 WHERE "
            + where
            + " AND \"deleted_at\" IS "
            + from
            + " RETURNING "
            + object.selectList();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int i = 1;
      ColumnValues.bind(connection, statement, i++, to);
      ColumnValues.bind(connection, statement, i++, now);
      ColumnValues.bind(connection, statement, i++, actor);
      for (Object bind : binds instanceof List<?> list ? list : List.of(binds)) {
        statement.setObject(i++, bind);
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          rows.add(RecordStore.row(result, object));
        }
      }
      return rows;
    }
  }
}
