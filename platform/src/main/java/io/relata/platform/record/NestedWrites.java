package io.relata.platform.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.access.PermissionSet;
import io.relata.platform.access.AccessEvaluator;
import io.relata.platform.access.Subject;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * Writes that an after-save hook makes in the transaction of the write it runs for (an automation's
 * actions): each runs the whole {@link WritePipeline}, hooks included, on the same connection, and
 * commits or rolls back with it; their after-commit hooks run after the commit, after the first
 * write's.
 *
 * <p>They run in the platform's name: with every right on every object and field, as an admin's
 * automation must reach records its triggering user may not (Salesforce's record-triggered flows
 * run in system context too). Who set them off stays the context's actor, so the audit names them,
 * and the context's chain names the automations between.
 */
public final class NestedWrites {

  private static final String OWNER = "owner_id";

  private final WritePipeline pipeline;
  private final RecordChange parent;

  NestedWrites(WritePipeline pipeline, RecordChange parent) {
    this.pipeline = pipeline;
    this.parent = parent;
  }

  /**
   * Creates a record of {@code objectName} from values in the REST API's form; {@code owner_id}
   * among them gives it its owner (else the context's actor owns it).
   *
   * @param because why, as the record's timeline will say
   */
  public StoredRecord create(
      WriteContext context, String objectName, ObjectNode values, List<ObjectNode> because)
      throws SQLException {
    ObjectNode given = values.deepCopy();
    Optional<UUID> owner =
        Optional.ofNullable(given.remove(OWNER))
            .filter(o -> !o.isNull())
            .map(o -> UUID.fromString(o.asText()));
    return run(
        context, objectName, RecordWrites.create(RecordInput.fromJson(given), owner), because);
  }

  /** Changes the fields {@code values} names of the record {@code id} of {@code objectName}. */
  public StoredRecord update(
      WriteContext context, String objectName, UUID id, ObjectNode values, List<ObjectNode> because)
      throws SQLException {
    StoredRecord stored =
        run(
            context,
            objectName,
            RecordWrites.update(id, RecordInput.fromJson(values), OptionalLong.empty()),
            because);
    if (objectName.equals(parent.object().name()) && id.equals(parent.id())) {
      // the write this one runs for answers, and hands on, the record as it now is
      parent.stored(parent.caused().get(parent.caused().size() - 1).after());
    }
    return stored;
  }

  private StoredRecord run(
      WriteContext context,
      String objectName,
      WritePipeline.Write<StoredRecord> write,
      List<ObjectNode> because)
      throws SQLException {
    CompiledObjects.Snapshot snapshot = parent.snapshot();
    write.because = List.copyOf(because);
    write.parent = parent;
    StoredRecord stored =
        pipeline.runIn(
            parent.connection(),
            context,
            snapshot,
            snapshot.required(objectName),
            platform(snapshot, context),
            write);
    parent.cause(write.change);
    return stored;
  }

  /** Every right, in the name of the write's actor. */
  private static AccessEvaluator platform(CompiledObjects.Snapshot snapshot, WriteContext context) {
    Subject subject =
        new Subject(
            context.actor().id(),
            Optional.empty(),
            Set.of(),
            Set.of(PermissionSet.ADMINISTRATOR),
            context.zone());
    return AccessEvaluator.of(subject, snapshot.access(), snapshot.definitions(), context.clock());
  }
}
