package io.relata.platform.setaside;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.access.SystemPermission;
import io.relata.metadata.kind.DocumentKinds;
import io.relata.metadata.kind.Documents;
import io.relata.metadata.problem.Problem;
import io.relata.platform.access.Permissions;
import io.relata.platform.database.DatabaseSchema;
import io.relata.platform.identity.Actor;
import io.relata.platform.schema.SetAsides;
import io.relata.platform.schema.SetAsides.SetAside;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * The deleted fields and objects an admin can still restore, for the API and Setup alike: the list,
 * the edit that restores one (a model change like any other, through {@code MetadataService}), and
 * erasing one now.
 */
@ApplicationScoped
public class DeletedItems {

  @Resource(lookup = DatabaseSchema.DATA_SOURCE)
  private DataSource dataSource;

  @Inject private Permissions permissions;
  @Inject private SetAsidePurge purge;

  /** Everything that can still be restored, newest first; needs manage-metadata. */
  public List<SetAside> list(Actor actor) throws SQLException {
    permissions.require(actor, SystemPermission.MANAGE_METADATA);
    try (Connection connection = dataSource.getConnection()) {
      return SetAsides.all(connection);
    }
  }

  /** One entry, if it can still be restored; {@code field} empty for the object. */
  public Optional<SetAside> find(Actor actor, String object, String field, long revision)
      throws SQLException {
    return list(actor).stream()
        .filter(
            e ->
                e.object().equals(object)
                    && e.field().orElse("").equals(field)
                    && e.revision() == revision)
        .findFirst();
  }

  /**
   * The edit that restores {@code entry}: its document as it was deleted, marked {@code
   * restoredFrom}; a field goes back at the end of its object's fields.
   */
  public static UnaryOperator<Documents> restore(SetAside entry) {
    ObjectNode restored = entry.definition().deepCopy();
    restored.put("restoredFrom", entry.revision());
    if (entry.field().isEmpty()) {
      return docs -> docs.put(DocumentKinds.OBJECTS, restored);
    }
    return docs -> {
      ObjectNode object =
          docs.find(DocumentKinds.OBJECTS, entry.object())
              .map(found -> (ObjectNode) found.deepCopy())
              .orElseThrow(() -> new MissingObject(entry.object()));
      ((ArrayNode) object.withArray("fields")).add(restored);
      return docs.put(DocumentKinds.OBJECTS, object);
    };
  }

  /** Erases an entry now, for good; false when it is not there (restored or erased meanwhile). */
  public boolean erase(Actor actor, SetAside entry) throws SQLException, SetAsidePurge.Busy {
    permissions.require(actor, SystemPermission.MANAGE_METADATA);
    return purge.erase(actor, entry.object(), entry.field().orElse(""), entry.revision());
  }

  /** Thrown from inside a restore's edit when the field's object was deleted too. */
  public static final class MissingObject extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String object;

    MissingObject(String object) {
      super("the object " + object + " is not in the model", null, false, false);
      this.object = object;
    }

    /** The problem to show: the object is unknown. */
    public Map<String, List<Problem>> problems() {
      return Map.of(object, List.of(Problem.at("", "object.unknown-object", object)));
    }
  }
}
