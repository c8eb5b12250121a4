package io.relata.platform.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.access.PermissionSet;
import io.relata.platform.access.AccessEvaluator;
import io.relata.platform.access.Subject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

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
  private final CompiledObjects.Snapshot snapshot;
  private final Supplier<Connection> connection;

  /** The write whose after-save hooks write; null for work of the platform's own (a job). */
  private final RecordChange parent;

  /** The writes made, when there is no parent to keep them for the after-commit hooks. */
  private final List<RecordChange> made = new ArrayList<>();

  NestedWrites(WritePipeline pipeline, RecordChange parent) {
    this.pipeline = pipeline;
    this.snapshot = parent.snapshot();
    this.connection = parent::connection;
    this.parent = parent;
  }

  /** Writes on {@code connection}, in its transaction, of work that no write set off. */
  NestedWrites(WritePipeline pipeline, CompiledObjects.Snapshot snapshot, Connection connection) {
    this.pipeline = pipeline;
    this.snapshot = snapshot;
    this.connection = () -> connection;
    this.parent = null;
  }

  /** The revision the writes are made against. */
  public CompiledObjects.Snapshot snapshot() {
    return snapshot;
  }

  /** The writes' connection, in their transaction. */
  public Connection connection() {
    return connection.get();
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

  /**
   * {@link #create}, for a caller that may go on after it fails (a script that catches the error):
   * a failed create is rolled back to a savepoint taken before it, so the transaction is as it was.
   * The database's refusal (a unique value taken, a reference to nothing) comes as the problem a
   * client would get, never as SQL; any other failure of the database comes as it is. A test run's
   * create takes no savepoint: its answer is read from the rows of its own transaction id, which a
   * savepoint's rows do not carry.
   */
  public StoredRecord attemptCreate(
      WriteContext context, String objectName, ObjectNode values, List<ObjectNode> because)
      throws SQLException {
    if (context.isTrial()) {
      return create(context, objectName, values, because);
    }
    Connection on = connection();
    java.sql.Savepoint before = on.setSavepoint();
    try {
      StoredRecord created = create(context, objectName, values, because);
      on.releaseSavepoint(before);
      return created;
    } catch (SQLException e) {
      undo(on, before, e);
      RuntimeException translated = SqlFailures.translate(e, snapshot.required(objectName));
      if (translated instanceof io.relata.platform.rest.ProblemException) {
        throw translated;
      }
      throw e;
    } catch (RuntimeException e) {
      undo(on, before, e);
      throw e;
    }
  }

  private static void undo(Connection on, java.sql.Savepoint to, Exception failure) {
    try {
      on.rollback(to);
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
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
    if (parent != null && objectName.equals(parent.object().name()) && id.equals(parent.id())) {
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
    write.because = List.copyOf(because);
    write.parent = parent;
    StoredRecord stored =
        pipeline.runIn(
            connection.get(),
            context,
            snapshot,
            snapshot.required(objectName),
            platform(snapshot, context),
            write);
    if (parent != null) {
      parent.cause(write.change);
    } else {
      made.add(write.change);
    }
    return stored;
  }

  /**
   * The live record {@code id} of {@code objectName}, locked for the rest of the transaction, with
   * its formula fields computed as of {@code context}'s now; empty when there is none.
   */
  public Optional<Map<String, Object>> lock(WriteContext context, String objectName, UUID id)
      throws SQLException {
    CompiledObject object = snapshot.required(objectName);
    return RecordStore.find(connection.get(), object, id, false, true)
        .map(stored -> Formulas.compute(object, stored, context.clock()));
  }

  /**
   * The live record {@code id} of {@code objectName} as it stands, without a lock, its formula
   * fields computed as of {@code context}'s now; empty when there is none. For the platform's own
   * reading: no access is checked.
   */
  public Optional<Map<String, Object>> read(WriteContext context, String objectName, UUID id)
      throws SQLException {
    CompiledObject object = snapshot.required(objectName);
    return RecordStore.find(connection.get(), object, id, false, false)
        .map(stored -> Formulas.compute(object, stored, context.clock()));
  }

  /** The writes made without a parent: their after-commit hooks run once they commit. */
  List<RecordChange> made() {
    return made;
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
