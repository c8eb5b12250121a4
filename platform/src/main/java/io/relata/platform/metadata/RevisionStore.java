package io.relata.platform.metadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.relata.metadata.kind.Documents;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Revisions in {@code relata.metadata_revision}, on the caller's connection, so that a revision is
 * written in the same transaction as the DDL it belongs to. Insert-only: revisions never change.
 */
final class RevisionStore {

  static final ObjectMapper JSON = new ObjectMapper();

  private static final String COLUMNS =
      "number, created_at, author_id, comment, documents, renames";

  private RevisionStore() {}

  static Optional<Revision> latest(Connection connection) throws SQLException {
    return one(
        connection,
        "select " + COLUMNS + " from relata.metadata_revision order by number desc limit 1",
        null);
  }

  static Optional<Revision> find(Connection connection, long number) throws SQLException {
    return one(
        connection,
        "select " + COLUMNS + " from relata.metadata_revision where number = ?",
        number);
  }

  /** Newest first, without their models. */
  static List<Revision> list(Connection connection, int limit) throws SQLException {
    List<Revision> revisions = new ArrayList<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "select number, created_at, author_id, comment, '{}'::jsonb, renames"
                + " from relata.metadata_revision order by number desc limit ?")) {
      statement.setInt(1, limit);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          revisions.add(read(rows));
        }
      }
    }
    return revisions;
  }

  static void insert(Connection connection, Revision revision) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "insert into relata.metadata_revision ("
                + COLUMNS
                + ") values (?, ?, ?, ?, ?::jsonb, ?::jsonb)")) {
      statement.setLong(1, revision.number());
      statement.setObject(2, revision.createdAt());
      statement.setObject(3, revision.authorId());
      statement.setString(4, revision.comment());
      statement.setString(5, write(revision.documents().toJson()));
      statement.setString(6, write(JSON.valueToTree(revision.renames())));
      statement.executeUpdate();
    }
  }

  private static Optional<Revision> one(Connection connection, String sql, Long number)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      if (number != null) {
        statement.setLong(1, number);
      }
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? Optional.of(read(rows)) : Optional.empty();
      }
    }
  }

  private static Revision read(ResultSet rows) throws SQLException {
    List<Revision.Rename> renames = new ArrayList<>();
    parse(rows.getString(6))
        .forEach(
            r ->
                renames.add(
                    new Revision.Rename(
                        r.get("object").asText(), r.get("from").asText(), r.get("to").asText())));
    return new Revision(
        rows.getLong(1),
        rows.getObject(2, OffsetDateTime.class),
        rows.getObject(3, UUID.class),
        rows.getString(4),
        Documents.fromJson(parseObject(rows.getString(5))),
        renames);
  }

  private static JsonNode parseObject(String json) throws SQLException {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new SQLException("a stored revision is not JSON", e);
    }
  }

  private static ArrayNode parse(String json) throws SQLException {
    try {
      return (ArrayNode) JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new SQLException("a stored revision is not JSON", e);
    }
  }

  private static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
