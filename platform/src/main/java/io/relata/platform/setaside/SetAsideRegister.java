package io.relata.platform.setaside;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.metadata.definition.DefinitionReader;
import io.relata.metadata.kind.DocumentKinds;
import io.relata.metadata.kind.Documents;
import io.relata.metadata.model.CompiledModel;
import io.relata.platform.metadata.ModelChangeHook;
import io.relata.platform.schema.SchemaPlan;
import io.relata.platform.schema.SchemaPlanner;
import io.relata.platform.schema.SchemaStep;
import io.relata.platform.schema.SetAsides;
import io.relata.platform.schema.SetAsides.SetAside;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Registers, in the change's transaction, what its plan set aside, with the documents it was
 * deleted from; and forgets what it restored. The register is what a revert, Setup's list of
 * deleted things and the nightly purge read.
 */
@ApplicationScoped
public class SetAsideRegister implements ModelChangeHook {

  @Override
  public void applied(
      Connection connection, CompiledModel before, CompiledModel after, SchemaPlan plan)
      throws SQLException {
    Documents was = Documents.of(before);
    long revision = after.revision();
    for (SchemaStep step : plan.steps()) {
      List<String> args = step.args();
      String object = step.object();
      switch (step.code()) {
        case SchemaPlanner.SET_ASIDE_COLUMN -> {
          JsonNode field = field(was, object, args.get(1));
          SetAsides.add(
              connection,
              new SetAside(
                  object,
                  Optional.of(args.get(1)),
                  revision,
                  SchemaPlanner.asideColumns(revision, DefinitionReader.field(field)),
                  field,
                  Long.parseLong(args.get(2)),
                  createdAt(connection, revision)));
        }
        case SchemaPlanner.SET_ASIDE_TABLE ->
            SetAsides.add(
                connection,
                new SetAside(
                    object,
                    Optional.empty(),
                    revision,
                    List.of(),
                    was.find(DocumentKinds.OBJECTS, object).orElseThrow(),
                    Long.parseLong(args.get(1)),
                    createdAt(connection, revision)));
        case SchemaPlanner.RESTORE_COLUMN ->
            SetAsides.remove(connection, object, args.get(3), Long.parseLong(args.get(4)));
        case SchemaPlanner.RESTORE_TABLE ->
            SetAsides.remove(connection, object, "", Long.parseLong(args.get(2)));
        default -> {
          // other steps set nothing aside
        }
      }
    }
  }

  private static JsonNode field(Documents documents, String object, String name) {
    JsonNode doc = documents.find(DocumentKinds.OBJECTS, object).orElseThrow();
    for (JsonNode field : doc.path("fields")) {
      if (field.path("name").asText().equals(name)) {
        return field;
      }
    }
    throw new IllegalStateException("the plan set aside a field the model did not have: " + name);
  }

  /** The time of the revision, written just before the hooks run: when it was set aside. */
  private static OffsetDateTime createdAt(Connection connection, long revision)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT created_at FROM relata.metadata_revision WHERE number = ?")) {
      query.setLong(1, revision);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getObject(1, OffsetDateTime.class);
      }
    }
  }
}
