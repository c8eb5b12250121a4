package io.relata.platform.record;

import io.relata.platform.access.AccessEvaluator;
import io.relata.platform.access.ObjectAccess;
import io.relata.platform.rest.ProblemException;
import io.relata.platform.rest.ProblemException.Violation;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Runs a {@link BulkRequest}: every record through the one write pipeline (its checks, hooks and
 * audit entry, exactly as a single {@code PATCH} or {@code DELETE}), a chunk of records per
 * transaction, each record behind a savepoint so that a refused one is reported and the rest of its
 * chunk still commits. Records chosen by a filter are walked in id order a chunk at a time, so
 * memory stays flat however many match.
 */
final class RecordBulk {

  /** Records per transaction: short locks, and progress a client can watch. */
  static final int CHUNK = 200;

  static final int MAX_ERRORS = 1_000;

  /** What a bulk operation did. */
  record Outcome(long succeeded, long failed, List<BulkJournal.BulkError> errors) {}

  private final WritePipeline pipeline;
  private final RecordLists lists;

  RecordBulk(WritePipeline pipeline, RecordLists lists) {
    this.pipeline = pipeline;
    this.lists = lists;
  }

  Outcome run(
      Connection connection,
      WriteContext context,
      CompiledObjects.Snapshot snapshot,
      CompiledObject object,
      BulkRequest request,
      BulkJournal journal)
      throws SQLException {
    AccessEvaluator writer = snapshot.evaluator(connection, context.actor(), context.clock());
    admit(writer, object, request);
    long done = 0;
    long succeeded = 0;
    long failed = 0;
    List<BulkJournal.BulkError> errors = new ArrayList<>();
    Optional<UUID> after = Optional.empty();
    int listed = 0;
    while (true) {
      List<UUID> chunk;
      if (request.ids().isPresent()) {
        List<UUID> ids = request.ids().get();
        chunk = ids.subList(listed, Math.min(ids.size(), listed + CHUNK));
        listed += chunk.size();
      } else {
        chunk = lists.ids(connection, writer, object, request.filter().get(), after, CHUNK);
      }
      if (chunk.isEmpty()) {
        break;
      }
      after = Optional.of(chunk.get(chunk.size() - 1));
      connection.setAutoCommit(false);
      List<WritePipeline.Write<?>> written = new ArrayList<>();
      List<BulkJournal.BulkError> chunkErrors = new ArrayList<>();
      try {
        for (UUID id : chunk) {
          WritePipeline.Write<?> write = write(request, id);
          Savepoint one = connection.setSavepoint();
          try {
            pipeline.runIn(connection, context, snapshot, object, writer, write);
            connection.releaseSavepoint(one);
            written.add(write);
          } catch (ProblemException | SQLException refused) {
            connection.rollback(one);
            chunkErrors.add(
                new BulkJournal.BulkError(id, details(SqlFailures.refusal(refused, object))));
          }
        }
        done += chunk.size();
        succeeded += written.size();
        failed += chunkErrors.size();
        journal.chunk(connection, done, succeeded, failed, chunkErrors);
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
      written.forEach(pipeline::afterCommit);
      for (BulkJournal.BulkError error : chunkErrors) {
        if (errors.size() < MAX_ERRORS) {
          errors.add(error);
        }
      }
    }
    return new Outcome(succeeded, failed, List.copyOf(errors));
  }

  /**
   * Refuses the whole request before any record when the object right is missing (403) or the
   * values write a field the user may not write (403) or only the platform writes (400).
   */
  static void admit(AccessEvaluator writer, CompiledObject object, BulkRequest request) {
    ObjectAccess access = writer.on(object.definition());
    access.require(request.action() == BulkRequest.Action.DELETE ? "delete" : "edit");
    access.requireWritable(request.values().names());
    NewRecords.refuseReadOnly(
        request.values().names().stream().filter(n -> !n.equals("owner_id")).iterator());
  }

  private static WritePipeline.Write<?> write(BulkRequest request, UUID id) {
    return switch (request.action()) {
      case UPDATE -> RecordWrites.update(id, request.values(), OptionalLong.empty());
      case ASSIGN ->
          RecordWrites.update(
              id,
              RecordInput.of(Map.of("owner_id", request.owner().orElseThrow().toString())),
              OptionalLong.empty());
      case DELETE -> RecordWrites.delete(id, OptionalLong.empty());
    };
  }

  private static List<RowError.Detail> details(ProblemException problem) {
    List<RowError.Detail> details = new ArrayList<>();
    for (Violation v : problem.violations()) {
      details.add(new RowError.Detail(v.pointer(), v.code(), v.args()));
    }
    if (details.isEmpty()) {
      // a refusal of the whole record (404, 403, 409): its problem's own text
      details.add(new RowError.Detail("", problem.code() + ".detail", List.of(problem.args())));
    }
    return details;
  }
}
