package io.relata.platform.automation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.automation.Action;
import io.relata.metadata.automation.Automation;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.record.NestedWrites;
import io.relata.platform.record.WriteContext;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.ProblemException.Violation;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs an automation's actions for a stored record, in order, each a write of its own in the
 * transaction ({@link NestedWrites}): set the record's fields, create a linked record, add a task
 * for the record's owner, choose its owner; and tell people in the app, queue mail and webhook
 * calls in it. A refused action refuses the whole transaction, saying which automation could not do
 * what; a chain of automations deeper than {@value #MAX_DEPTH} is stopped, naming the chain.
 */
final class Actions {

  /** How many automations deep a chain of writes may go. */
  static final int MAX_DEPTH = 16;

  private static final String OWNER = "owner_id";
  private static final String ACTIVITY = "activity";

  private Actions() {}

  /**
   * Runs {@code automation}'s actions for {@code target}, one step deeper in its chain, and logs
   * the run ({@code trigger} says what set it off: a record's write, a date, a score, a service
   * level).
   */
  static void run(ActionTarget target, Automation automation, String trigger) throws SQLException {
    logged(
        target.automating(),
        target.context(),
        target.object().name(),
        target.id(),
        automation,
        trigger,
        usage -> steps(target, automation, trigger, usage));
  }

  /** What an automation's run does, told where to put what its scripts used. */
  @FunctionalInterface
  interface Run {
    void run(ArrayNode usage) throws SQLException;
  }

  /**
   * Runs {@code run} and logs it in the run log, however it ends: done, refused (with what it was
   * refused for) or failed. The record's {@code id} is null before a create stores it.
   */
  static void logged(
      Automating automating,
      WriteContext context,
      String object,
      UUID id,
      Automation automation,
      String trigger,
      Run run)
      throws SQLException {
    long started = System.nanoTime();
    ArrayNode usage = JsonCodec.NODES.arrayNode();
    String outcome = "done";
    Optional<String> reason = Optional.empty();
    try {
      run.run(usage);
    } catch (InvalidRequestException e) {
      outcome = "refused";
      reason = Optional.of(reason(e));
      throw e;
    } catch (SQLException | RuntimeException e) {
      outcome = "failed";
      reason = Optional.of(e.getClass().getSimpleName());
      throw e;
    } finally {
      log(
          automating,
          context,
          object,
          id,
          automation,
          trigger,
          usage,
          outcome,
          reason,
          System.nanoTime() - started);
    }
  }

  private static void steps(
      ActionTarget target, Automation automation, String trigger, ArrayNode usage)
      throws SQLException {
    WriteContext.Cause cause =
        new WriteContext.Cause(automation.name(), target.object().name(), target.id());
    List<WriteContext.Cause> chain = target.context().chain();
    if (chain.size() >= MAX_DEPTH) {
      throw new InvalidRequestException(
          List.of(
              new Violation(
                  "",
                  "automation.chain-too-deep",
                  List.of(
                      MAX_DEPTH,
                      Stream.concat(chain.stream(), Stream.of(cause))
                          .map(WriteContext.Cause::automation)
                          .collect(Collectors.joining(" → "))))));
    }
    WriteContext context = target.context().causedBy(cause);
    List<Action> actions = automation.actions();
    for (int i = 0; i < actions.size(); i++) {
      try {
        act(target, context, automation, trigger, i, actions.get(i), usage);
      } catch (InvalidRequestException e) {
        throw refused(automation, i, e);
      }
    }
  }

  /**
   * Logs one run of {@code automation} for the record {@code id} (null before a create stores); a
   * test run's are not logged: they never happened.
   */
  private static void log(
      Automating automating,
      WriteContext context,
      String object,
      UUID id,
      Automation automation,
      String trigger,
      ArrayNode usage,
      String outcome,
      Optional<String> reason,
      long nanos) {
    if (context.isTrial()) {
      return;
    }
    automating
        .runs()
        .add(
            new RunLog.Entry(
                UUID.randomUUID(),
                context.now(),
                automation.name(),
                trigger,
                object,
                Optional.ofNullable(id),
                automation.actions().stream().map(Actions::type).toList(),
                outcome,
                reason,
                usage.isEmpty() ? Optional.empty() : Optional.of(usage),
                nanos / 1_000_000,
                context.chain().stream().map(WriteContext.Cause::toString).toList()));
  }

  /** An action's type as documents name it. */
  static String type(Action action) {
    if (action instanceof Action.Set) {
      return "set";
    } else if (action instanceof Action.Create) {
      return "create";
    } else if (action instanceof Action.Task) {
      return "task";
    } else if (action instanceof Action.Assign) {
      return "assign";
    } else if (action instanceof Action.Notify) {
      return "notify";
    } else if (action instanceof Action.Email) {
      return "email";
    } else if (action instanceof Action.Webhook) {
      return "webhook";
    }
    return "script";
  }

  /** What a refusal said, as the run log keeps it: each violation's place, code and values. */
  static String reason(InvalidRequestException e) {
    return e.violations().stream()
        .map(
            v ->
                (v.pointer().isEmpty() ? "" : v.pointer() + " ")
                    + v.code()
                    + (v.args().isEmpty() ? "" : " " + v.args()))
        .collect(Collectors.joining("; "));
  }

  private static void act(
      ActionTarget target,
      WriteContext context,
      Automation automation,
      String trigger,
      int index,
      Action action,
      ArrayNode usage)
      throws SQLException {
    NestedWrites writes = target.writes();
    String object = target.object().name();
    ObjectNode because = ActionValues.because(automation, JsonCodec.object());
    if (action instanceof Action.Set set && !target.gone()) {
      writes.update(
          context,
          object,
          target.id(),
          ActionValues.of(set.values(), target.record(), target.prior(), target.context()),
          List.of(because));
    } else if (action instanceof Action.Assign assign && !target.gone()) {
      Assigner.Assigned assigned =
          Assigner.choose(
              writes.connection(),
              target.object(),
              writes.snapshot(),
              target.record(),
              target.context(),
              assign);
      because.setAll(assigned.reason());
      if (assigned.owner().isPresent()) {
        writes.update(
            context,
            object,
            target.id(),
            JsonCodec.object().put(OWNER, assigned.owner().get().toString()),
            List.of(because));
      }
    } else if (action instanceof Action.Create create) {
      ObjectNode values =
          ActionValues.of(create.values(), target.record(), target.prior(), target.context());
      create.link().ifPresent(link -> values.put(link, target.id().toString()));
      writes.create(context, create.object(), values, List.of(because));
    } else if (action instanceof Action.Script script) {
      target
          .automating()
          .scripting()
          .afterSave(target, context, automation, index, script, List.of(because), usage::add);
    } else if (action instanceof Action.Notify notify) {
      Notifying.send(target, automation, notify);
    } else if (action instanceof Action.Email email) {
      Mailing.send(target, email);
    } else if (action instanceof Action.Webhook webhook) {
      Calling.call(target, automation, trigger, webhook);
    } else if (action instanceof Action.Task task) {
      ObjectNode values =
          JsonCodec.object().put("kind", task.kind()).put("subject", task.subject());
      values.putObject("about").put("object", object).put("id", target.id().toString());
      task.due()
          .map(due -> target.context().now().plus(due))
          .ifPresent(due -> values.set("due", JsonCodec.value(due)));
      Object owner = target.record().get(OWNER);
      if (owner != null) {
        values.put(OWNER, owner.toString());
      }
      writes.create(context, ACTIVITY, values, List.of(because));
    }
  }

  /**
   * What the writer is told when an action is refused: which automation and action, then what the
   * action's write was refused for. A refusal deeper in a chain says so itself.
   */
  private static InvalidRequestException refused(
      Automation automation, int action, InvalidRequestException e) {
    if (!e.violations().isEmpty() && e.violations().get(0).code().startsWith("automation.")) {
      return e;
    }
    List<Violation> violations = new ArrayList<>();
    violations.add(
        new Violation("", "automation.action-refused", List.of(automation.label(), action + 1)));
    violations.addAll(e.violations());
    return new InvalidRequestException(violations);
  }
}
