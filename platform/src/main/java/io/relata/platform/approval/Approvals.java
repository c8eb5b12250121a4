package io.relata.platform.approval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.access.SystemPermission;
import io.relata.metadata.automation.ApprovalProcess;
import io.relata.platform.access.AccessDeniedException;
import io.relata.platform.access.Permissions;
import io.relata.platform.database.DatabaseSchema;
import io.relata.platform.identity.Actor;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.record.CompiledObject;
import io.relata.platform.record.CompiledObjects;
import io.relata.platform.record.NestedWrites;
import io.relata.platform.record.RecordService;
import io.relata.platform.record.WriteContext;
import io.relata.platform.rest.ConflictException;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.NotFoundProblem;
import io.relata.platform.rest.ProblemException.Violation;
import io.relata.platform.time.Now;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import javax.sql.DataSource;

/**
 * Approval requests as people read and decide them. A request is seen by whoever asked, by the
 * approvers of its steps and by administrators (holders of {@code manage-metadata}); the approvers
 * of its current step decide it, one decision per step, with a comment (required to reject). The
 * last approval moves the record into the stage in the approver's name, through the whole write
 * pipeline (its rules, automations and audit entry); a rejection leaves it where it was. Whoever
 * asked, or an administrator, recalls a pending request. Each outcome is told in the app.
 */
@ApplicationScoped
public class Approvals {

  /** How many pending requests an inbox reads to find the reader's. */
  private static final int INBOX_SCAN = 2000;

  @Resource(lookup = DatabaseSchema.DATA_SOURCE)
  private DataSource dataSource;

  @Inject private RecordService records;
  @Inject private CompiledObjects objects;
  @Inject private Clock clock;
  @Inject private Permissions permissions;
  private Predicate<Actor> administers;

  /** For CDI. */
  protected Approvals() {}

  /** Approvals on {@code dataSource}, for tests without a container. */
  public Approvals(
      DataSource dataSource,
      RecordService records,
      CompiledObjects objects,
      Clock clock,
      Predicate<Actor> administers) {
    this.dataSource = dataSource;
    this.records = records;
    this.objects = objects;
    this.clock = clock;
    this.administers = administers;
  }

  private boolean administers(Actor actor) {
    return administers != null
        ? administers.test(actor)
        : permissions.holds(actor, SystemPermission.MANAGE_METADATA);
  }

  /**
   * The requests {@code actor} decides now (their inbox), newest first; or, with {@code inbox}
   * false, every request they may see in {@code state}.
   */
  public List<ObjectNode> list(
      Actor actor,
      boolean inbox,
      Optional<String> state,
      Optional<String> object,
      Optional<UUID> record,
      Optional<UUID> after,
      int limit)
      throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      List<ObjectNode> page = new ArrayList<>();
      Optional<UUID> from = after;
      // the inbox reads only the requests at a step the reader could decide by who they are
      Optional<Set<String>> steps =
          inbox
              ? Optional.of(Approvers.stepsOf(connection, actor, objects.current().automations()))
              : Optional.empty();
      if (steps.isPresent() && steps.get().isEmpty()) {
        return page;
      }
      while (page.size() < limit) {
        List<ApprovalRequest> batch =
            ApprovalStore.list(
                connection,
                inbox ? Optional.of("pending") : state,
                object,
                record,
                steps,
                from,
                inbox ? INBOX_SCAN : limit);
        for (ApprovalRequest request : batch) {
          Seen seen = seen(connection, actor, request);
          if (inbox ? seen.decides() : seen.sees()) {
            page.add(json(connection, request, seen));
            if (page.size() == limit) {
              break;
            }
          }
        }
        if (batch.size() < (inbox ? INBOX_SCAN : limit) || batch.isEmpty()) {
          break;
        }
        from = Optional.of(batch.get(batch.size() - 1).id());
      }
      return page;
    }
  }

  /** The request {@code id}, if {@code actor} may see it; 404 otherwise. */
  public ObjectNode find(Actor actor, UUID id) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      ApprovalRequest request = ApprovalStore.find(connection, id).orElseThrow(() -> missing(id));
      Seen seen = seen(connection, actor, request);
      if (!seen.sees()) {
        throw missing(id);
      }
      return json(connection, request, seen);
    }
  }

  /** Whether the record awaits approval: a pending request locks it. */
  public boolean awaits(String object, UUID record) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return ApprovalStore.pending(connection, object, record).isPresent();
    }
  }

  /** Whether a request exists with id {@code id}: a cursor naming one that does not is stale. */
  public boolean exists(UUID id) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return ApprovalStore.find(connection, id).isPresent();
    }
  }

  /**
   * {@code actor} approves or rejects the current step of the request {@code id}: 404 if they may
   * not see it, 403 if it is not theirs to decide, 409 if it is no longer pending, 400 for a
   * rejection without a comment or an approval whose move the record's stage refuses.
   */
  public ObjectNode decide(Actor actor, UUID id, boolean approve, Optional<String> comment)
      throws SQLException {
    Optional<String> said = comment.map(String::strip).filter(c -> !c.isEmpty());
    if (!approve && said.isEmpty()) {
      throw new InvalidRequestException(
          List.of(new Violation("/comment", "approval.comment-required", List.of())));
    }
    NestedWrites writes;
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        ApprovalRequest request = pendingOf(connection, actor, id);
        Optional<ApprovalProcess> found =
            process(request).filter(p -> p.active() && request.step() <= p.steps().size());
        if (found.isEmpty()) {
          // switched off, removed or cut short since: only a recall ends the request now
          throw new ConflictException("problem.approval-process-changed", List.of(), Map.of(), id);
        }
        ApprovalProcess process = found.get();
        Set<UUID> approvers =
            Approvers.of(
                connection,
                process,
                request.step(),
                owner(connection, request),
                request.submittedBy());
        if (!approvers.contains(actor.id())) {
          throw AccessDeniedException.record("decide", request.object());
        }
        OffsetDateTime now = Now.of(clock);
        ApprovalStore.decide(
            connection,
            id,
            request.step(),
            actor.id(),
            approve ? "approved" : "rejected",
            said,
            now);
        ApprovalTrail.append(
            connection,
            actor,
            now,
            new ApprovalTrail.Turn(
                approve ? "approved" : "rejected",
                request,
                process.label(),
                request.step(),
                process.steps().size(),
                said));
        String name = recordName(connection, request);
        writes = records.writesOn(connection);
        if (!approve) {
          ApprovalStore.end(connection, id, "rejected", now);
          tell(
              connection,
              Set.of(request.submittedBy()),
              process,
              request,
              now,
              "approval.told.rejected",
              name,
              actor.username(),
              said.get());
        } else if (request.step() < process.steps().size()) {
          ApprovalStore.advance(connection, id, request.step() + 1);
          Set<UUID> next =
              Approvers.of(
                  connection,
                  process,
                  request.step() + 1,
                  owner(connection, request),
                  request.submittedBy());
          tell(
              connection,
              next,
              process,
              request,
              now,
              "approval.told.asked",
              name,
              stageLabel(request));
        } else {
          ApprovalStore.end(connection, id, "approved", now);
          WriteContext context =
              WriteContext.of(actor, WriteContext.Channel.API, clock)
                  .causedBy(
                      new WriteContext.Cause(process.name(), request.object(), request.record()));
          ObjectNode because =
              JsonCodec.object()
                  .put("automation", process.name())
                  .put("automationLabel", process.label())
                  .put("label", actor.username())
                  .put("approval", id.toString());
          writes.update(
              context,
              request.object(),
              request.record(),
              JsonCodec.object().put("stage", request.stage()),
              List.of(because));
          tell(
              connection,
              Set.of(request.submittedBy()),
              process,
              request,
              now,
              "approval.told.approved",
              name,
              actor.username(),
              stageLabel(request));
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
    records.afterCommit(writes);
    return find(actor, id);
  }

  /** Whoever asked, or an administrator, takes back a pending request: the record is unlocked. */
  public ObjectNode recall(Actor actor, UUID id) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        ApprovalRequest request = pendingOf(connection, actor, id);
        if (!request.submittedBy().equals(actor.id()) && !administers(actor)) {
          throw AccessDeniedException.record("recall", request.object());
        }
        OffsetDateTime now = Now.of(clock);
        ApprovalStore.decide(
            connection, id, request.step(), actor.id(), "recalled", Optional.empty(), now);
        ApprovalStore.end(connection, id, "recalled", now);
        Optional<ApprovalProcess> process = process(request);
        ApprovalTrail.append(
            connection,
            actor,
            now,
            new ApprovalTrail.Turn(
                "recalled",
                request,
                process.map(ApprovalProcess::label).orElse(request.process()),
                request.step(),
                process.map(p -> p.steps().size()).orElse(request.step()),
                Optional.empty()));
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
    return find(actor, id);
  }

  /** The request, locked, if the actor may see it (404) and it is pending (409). */
  private ApprovalRequest pendingOf(Connection connection, Actor actor, UUID id)
      throws SQLException {
    ApprovalRequest request = ApprovalStore.lock(connection, id).orElseThrow(() -> missing(id));
    if (!seen(connection, actor, request).sees()) {
      throw missing(id);
    }
    if (!request.pending()) {
      throw new ConflictException(
          "problem.approval-decided", List.of(), Map.of(), id, request.state());
    }
    return request;
  }

  /** What {@code actor} may do with {@code request}: see it, decide it now, recall it. */
  private record Seen(boolean sees, boolean decides, boolean recalls) {}

  private Seen seen(Connection connection, Actor actor, ApprovalRequest request)
      throws SQLException {
    Optional<ApprovalProcess> process = process(request);
    boolean decides = false;
    boolean approves = false;
    if (process.isPresent()) {
      Object owner = owner(connection, request);
      List<ApprovalProcess.Step> steps = process.get().steps();
      for (int i = 0; i < steps.size(); i++) {
        boolean one =
            Approvers.of(connection, process.get(), i + 1, owner, request.submittedBy())
                .contains(actor.id());
        approves |= one;
        if (one && request.pending() && process.get().active() && i == request.step() - 1) {
          decides = true;
        }
      }
    }
    boolean asked = request.submittedBy().equals(actor.id());
    boolean administers = administers(actor);
    return new Seen(
        approves || asked || administers, decides, request.pending() && (asked || administers));
  }

  private Optional<ApprovalProcess> process(ApprovalRequest request) {
    return objects
        .current()
        .automations()
        .approval(request.process())
        .filter(p -> p.object().equals(request.object()));
  }

  private ObjectNode json(Connection connection, ApprovalRequest request, Seen seen)
      throws SQLException {
    Optional<ApprovalProcess> process = process(request);
    return request.toJson(
        process.map(ApprovalProcess::label).orElse(request.process()),
        recordName(connection, request),
        process.map(p -> p.steps().size()).orElse(request.step()),
        seen.decides(),
        seen.recalls());
  }

  /** The record's owner, as approvers by manager need it; null when the record is gone. */
  private Object owner(Connection connection, ApprovalRequest request) throws SQLException {
    return record(connection, request).map(r -> r.get("owner_id")).orElse(null);
  }

  /**
   * The record's name (its name field, a formula's too), or its id when it has none or is gone:
   * what approvers are shown of a record they decide, whether or not they may open it.
   */
  private String recordName(Connection connection, ApprovalRequest request) throws SQLException {
    Optional<CompiledObject> object = objects.current().object(request.object());
    if (object.isEmpty()) {
      return request.record().toString();
    }
    return record(connection, request)
        .map(r -> r.get(object.get().definition().nameField()))
        .map(Object::toString)
        .orElse(request.record().toString());
  }

  private Optional<Map<String, Object>> record(Connection connection, ApprovalRequest request)
      throws SQLException {
    if (objects.current().object(request.object()).isEmpty()) {
      return Optional.empty();
    }
    return records
        .writesOn(connection)
        .read(
            WriteContext.of(Actor.platform(), WriteContext.Channel.SYSTEM, clock),
            request.object(),
            request.record());
  }

  private static void tell(
      Connection connection,
      Set<UUID> users,
      ApprovalProcess process,
      ApprovalRequest request,
      OffsetDateTime now,
      String code,
      Object... args)
      throws SQLException {
    Told.send(
        connection, users, now, process.label(), request.object(), request.record(), code, args);
  }

  /** The label of the stage the request asks for, as its pipeline names it. */
  private String stageLabel(ApprovalRequest request) {
    return objects
        .current()
        .object(request.object())
        .flatMap(o -> o.definition().pipeline())
        .flatMap(p -> p.stage(request.stage()))
        .map(io.relata.metadata.definition.Pipeline.Stage::label)
        .orElse(request.stage());
  }

  private static NotFoundProblem missing(UUID id) {
    return new NotFoundProblem("/api/v1/approvals/" + id);
  }
}
