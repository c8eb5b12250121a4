package io.relata.platform.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.model.CompiledModel;
import io.relata.metadata.origin.Origin;
import io.relata.metadata.presentation.Dashboard;
import io.relata.metadata.presentation.PresentationCompiler;
import io.relata.metadata.presentation.Widget;
import io.relata.metadata.problem.Problem;
import io.relata.metadata.schema.MetaSchema;
import io.relata.platform.access.AccessEvaluator;
import io.relata.platform.access.CurrentModel;
import io.relata.platform.access.Permissions;
import io.relata.platform.database.DatabaseSchema;
import io.relata.platform.database.Transactions;
import io.relata.platform.identity.Actor;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.metadata.Descriptions;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.NotFoundProblem;
import io.relata.platform.rest.ProblemException.Violation;
import io.relata.platform.time.Now;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Each user's own dashboards, kept in {@code relata.personal_dashboard}: documents of the same
 * shape as shared ones, checked the same way when saved, and each widget against what its owner may
 * see. What they show is computed under the owner's access like every dashboard's. Nobody reads
 * another user's.
 */
@ApplicationScoped
public class PersonalDashboards {

  /** At most this many dashboards per user. */
  public static final int MAX = 50;

  private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9_]{0,62}$");

  @Resource(lookup = DatabaseSchema.DATA_SOURCE)
  private DataSource dataSource;

  @Inject private CurrentModel model;
  @Inject private Permissions permissions;
  @Inject private Clock clock;

  /** The actor's dashboards, by label, as documents; those that no longer compile are left out. */
  public List<ObjectNode> documents(Actor actor) {
    return run(
        false,
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT document FROM relata.personal_dashboard WHERE owner_id = ?"
                      + " ORDER BY lower(document->>'label'), name")) {
            select.setObject(1, actor.id());
            List<ObjectNode> documents = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                documents.add((ObjectNode) JsonCodec.parse(rows.getString(1)));
              }
            }
            return documents;
          }
        });
  }

  /** The actor's dashboards as they compile against the current model; stale ones left out. */
  public List<Dashboard> of(Actor actor) {
    CompiledModel current = model.current();
    List<Dashboard> dashboards = new ArrayList<>();
    for (ObjectNode doc : documents(actor)) {
      compile(current, doc).ifPresent(dashboards::add);
    }
    return dashboards;
  }

  /**
   * Saves {@code document} as the actor's dashboard {@code name}; 400 with its problems at their
   * places (a widget on an object they may not read, or naming a field hidden from them, among
   * them).
   *
   * @return whether it is new
   */
  public boolean save(Actor actor, String name, ObjectNode document) {
    List<Violation> violations = new ArrayList<>();
    if (!NAME.matcher(name).matches()) {
      violations.add(new Violation("/name", "schema.pattern", List.of(NAME.pattern())));
      throw new InvalidRequestException(violations);
    }
    document.put("name", name);
    document.remove("origin");
    CompiledModel current = model.current();
    List<Problem> structural = MetaSchema.DASHBOARD.check(Origin.content(document));
    structural.forEach(p -> violations.add(violation(p)));
    if (violations.isEmpty()) {
      PresentationCompiler.Result compiled =
          PresentationCompiler.compile(
              List.of(), List.of(document), current.objects(), current.access());
      compiled.problems().values().forEach(ps -> ps.forEach(p -> violations.add(violation(p))));
      if (compiled.ok()) {
        AccessEvaluator evaluator = permissions.evaluator(actor, current);
        Dashboard dashboard = compiled.presentation().dashboard(name).orElseThrow();
        for (int i = 0; i < dashboard.widgets().size(); i++) {
          Widget widget = dashboard.widgets().get(i);
          boolean seen =
              current
                  .object(widget.object())
                  .map(o -> Descriptions.visible(evaluator.on(o), widget))
                  .orElse(false);
          if (!seen) {
            violations.add(
                new Violation(
                    "/widgets/" + i + "/object",
                    "widget.unknown-object",
                    List.of(widget.object())));
          }
        }
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    return run(
        true,
        connection -> {
          boolean exists;
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT count(*) FILTER (WHERE name = ?), count(*)"
                      + " FROM relata.personal_dashboard WHERE owner_id = ?")) {
            select.setString(1, name);
            select.setObject(2, actor.id());
            try (ResultSet rows = select.executeQuery()) {
              rows.next();
              exists = rows.getLong(1) > 0;
              if (!exists && rows.getLong(2) >= MAX) {
                throw new InvalidRequestException(
                    List.of(new Violation("", "dashboard.too-many", List.of(MAX))));
              }
            }
          }
          try (PreparedStatement upsert =
              connection.prepareStatement(
                  "INSERT INTO relata.personal_dashboard (owner_id, name, document, updated_at)"
                      + " VALUES (?, ?, ?::jsonb, ?) ON CONFLICT (owner_id, name)"
                      + " DO UPDATE SET document = excluded.document,"
                      + " updated_at = excluded.updated_at")) {
            upsert.setObject(1, actor.id());
            upsert.setString(2, name);
            upsert.setString(3, JsonCodec.text(document));
            upsert.setObject(4, Now.of(clock));
            upsert.executeUpdate();
          }
          return !exists;
        });
  }

  /** Deletes the actor's dashboard; 404 when they have none of that name. */
  public void delete(Actor actor, String name) {
    boolean deleted =
        run(
            true,
            connection -> {
              try (PreparedStatement delete =
                  connection.prepareStatement(
                      "DELETE FROM relata.personal_dashboard WHERE owner_id = ? AND name = ?")) {
                delete.setObject(1, actor.id());
                delete.setString(2, name);
                return delete.executeUpdate() == 1;
              }
            });
    if (!deleted) {
      throw new NotFoundProblem("/api/v1/users/me/dashboards/" + name);
    }
  }

  private static Optional<Dashboard> compile(CompiledModel current, JsonNode doc) {
    PresentationCompiler.Result compiled =
        PresentationCompiler.compile(List.of(), List.of(doc), current.objects(), current.access());
    return compiled.ok()
        ? compiled.presentation().dashboard(doc.path("name").asText())
        : Optional.empty();
  }

  private static Violation violation(Problem problem) {
    return new Violation(problem.pointer(), problem.code(), List.copyOf(problem.args()));
  }

  private <T> T run(boolean write, Transactions.Work<T> work) {
    return PersonalRows.run(dataSource, write, work);
  }
}
