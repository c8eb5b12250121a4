package io.relata.platform.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.access.AccessDocuments;
import io.relata.metadata.access.AccessRewrite;
import io.relata.metadata.access.SystemPermission;
import io.relata.metadata.change.Change;
import io.relata.metadata.change.ModelDiff;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.kind.CompileStep;
import io.relata.metadata.kind.DocumentKinds;
import io.relata.metadata.kind.Documents;
import io.relata.metadata.model.CompiledModel;
import io.relata.metadata.model.ModelCompiler;
import io.relata.metadata.presentation.PresentationRewrite;
import io.relata.metadata.problem.Problem;
import io.relata.platform.access.AccessDeniedException;
import io.relata.platform.access.AccessEvaluator;
import io.relata.platform.access.CurrentModel;
import io.relata.platform.access.ModelObjects;
import io.relata.platform.access.Subjects;
import io.relata.platform.audit.AuditLog;
import io.relata.platform.database.DatabaseSchema;
import io.relata.platform.identity.Actor;
import io.relata.platform.schema.JdbcTableStats;
import io.relata.platform.schema.SchemaMigrator;
import io.relata.platform.schema.SchemaPlan;
import io.relata.platform.schema.SchemaPlanner;
import io.relata.platform.schema.SetAsides;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The one way the model changes. A change is validated, diffed against the latest revision,
 * planned, and — unless it is a dry run, refused, or destructive without confirmation — applied:
 * DDL and the new revision commit in one transaction, under a lock that serialises changes across
 * nodes. The compiled model is swapped only after the commit.
 */
@ApplicationScoped
public class MetadataService implements CurrentModel {

  /**
   * Whether the documents of the kinds that {@code step} compiles differ between the two models:
   * every kind the registry has, so a kind added to the step counts without a change here.
   */
  private static boolean changedIn(CompileStep step, CompiledModel before, CompiledModel after) {
    Documents was = Documents.of(before);
    Documents is = Documents.of(after);
    return DocumentKinds.all().stream()
        .filter(kind -> kind.step() == step)
        .anyMatch(kind -> !was.of(kind).equals(is.of(kind)));
  }

  /** The longest a change waits for a table's lock before it is refused as busy. */
  private static final String LOCK_WAIT = "2s";

  /** Serialises metadata changes across nodes: {@code pg_advisory_xact_lock} key. */
  private static final long LOCK = 0x52454c41544100L;

  @Resource(lookup = DatabaseSchema.DATA_SOURCE)
  private DataSource dataSource;

  @Inject private Clock clock;

  @Inject @Any private Instance<ModelChangeHook> changeHooks;

  private final AtomicReference<CompiledModel> current = new AtomicReference<>();

  /** What a change did, or would do. */
  public record Outcome(long revision, boolean applied, List<Change> changes, SchemaPlan plan) {}

  /** Raised when the documents or the data refuse a change; nothing was written. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Map<String, List<Problem>> problems;

    Refused(Map<String, List<Problem>> problems) {
      super("metadata change refused", null, false, false);
      this.problems = Map.copyOf(problems);
    }

    public Map<String, List<Problem>> problems() {
      return problems;
    }
  }

  /** Raised when a change would delete data and was not confirmed; nothing was written. */
  public static final class NeedsConfirmation extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Outcome outcome;

    NeedsConfirmation(Outcome outcome) {
      super("confirmation required", null, false, false);
      this.outcome = outcome;
    }

    public Outcome outcome() {
      return outcome;
    }
  }

  /** The current model; loaded from the latest revision on first use. */
  @Override
  public CompiledModel current() {
    CompiledModel model = current.get();
    if (model == null) {
      try (Connection connection = dataSource.getConnection()) {
        model = compile(RevisionStore.latest(connection));
      } catch (SQLException e) {
        throw new IllegalStateException("cannot load the metadata model", e);
      }
      current.compareAndSet(null, model);
    }
    return current.get();
  }

  /**
   * Loads the latest revision if it is newer than the model in memory (another node committed it).
   * Never goes back: a reload racing a local change keeps the newer model.
   */
  public void reload() {
    CompiledModel latest;
    try (Connection connection = dataSource.getConnection()) {
      latest = compile(RevisionStore.latest(connection));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reload the metadata model", e);
    }
    current.accumulateAndGet(
        latest,
        (mine, theirs) -> mine == null || theirs.revision() > mine.revision() ? theirs : mine);
  }

  /**
   * Changes the model to what {@code edit} makes of the current documents of every kind: the one
   * way every kind changes. Objects compile first; the access documents then follow fields renamed
   * by the change, unless the edit wrote access documents of its own.
   */
  public Outcome changeDocuments(
      Actor actor,
      Function<Documents, Documents> edit,
      String comment,
      boolean dryRun,
      Confirmation confirmed)
      throws Refused, NeedsConfirmation {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        Applied result = change(connection, actor, edit, comment, dryRun, confirmed);
        if (result.outcome().applied()) {
          connection.commit();
          // only a committed model becomes current, and never replaces a newer one
          current.accumulateAndGet(
              result.model(),
              (mine, theirs) ->
                  mine == null || theirs.revision() > mine.revision() ? theirs : mine);
        } else {
          connection.rollback();
        }
        return result.outcome();
      } catch (Refused | NeedsConfirmation | RuntimeException | SQLException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the metadata change failed in the database", e);
    }
  }

  private record Applied(Outcome outcome, CompiledModel model) {}

  private Applied change(
      Connection connection,
      Actor actor,
      Function<Documents, Documents> edit,
      String comment,
      boolean dryRun,
      Confirmation confirmed)
      throws SQLException, Refused, NeedsConfirmation {
    lock(connection);
    CompiledModel before = compile(RevisionStore.latest(connection));
    requireManager(connection, actor, before);
    long number = before.revision() + 1;
    Documents current = Documents.of(before);
    Documents edited = edit.apply(current);
    Map<String, List<Problem>> coreKept = CoreDocuments.removed(current, edited);
    if (!coreKept.isEmpty()) {
      throw new Refused(coreKept);
    }
    requireAdministratorToGrant(connection, actor, current, edited);
    ModelCompiler.Result submitted = DocumentKinds.OBJECTS.step().apply(number, null, edited);
    if (!submitted.ok()) {
      throw new Refused(submitted.problems());
    }
    List<Change> changes = ModelDiff.between(List.copyOf(before.objects()), submitted.submitted());
    // access documents follow renamed fields, unless the edit wrote its own
    AccessDocuments access =
        edited.access().toJson().equals(current.access().toJson())
            ? AccessRewrite.after(before.access().documents(), changes)
            : edited.access();
    ModelCompiler.Result after =
        DocumentKinds.compileAfter(
            DocumentKinds.OBJECTS,
            number,
            submitted,
            followed(current, edited.withAccess(access), changes));
    if (!after.ok()) {
      throw new Refused(after.problems());
    }
    boolean accessChanged = !access.toJson().equals(before.access().documents().toJson());
    boolean presentationChanged =
        !after.model().presentation().appDocuments().equals(before.presentation().appDocuments())
            || !after
                .model()
                .presentation()
                .dashboardDocuments()
                .equals(before.presentation().dashboardDocuments());
    boolean automationsChanged = changedIn(CompileStep.AUTOMATIONS, before, after.model());
    SchemaPlan plan =
        SchemaPlanner.plan(number, changes, after.submitted(), new JdbcTableStats(connection));
    if (!plan.acceptable()) {
      throw new Refused(plan.refused());
    }
    if (dryRun
        || (changes.isEmpty() && !accessChanged && !presentationChanged && !automationsChanged)) {
      return new Applied(new Outcome(before.revision(), false, changes, plan), before);
    }
    Outcome outcome = new Outcome(number, true, changes, plan);
    if (plan.destructive() && !confirmed.covers(plan)) {
      throw new NeedsConfirmation(new Outcome(before.revision(), false, changes, plan));
    }
    applySchema(connection, plan);
    OffsetDateTime now = OffsetDateTime.now(clock);
    RevisionStore.insert(
        connection,
        new Revision(
            number,
            now,
            actor.id(),
            comment == null ? "" : comment,
            Documents.of(after.model()),
            renames(changes)));
    for (ModelChangeHook hook : changeHooks) {
      hook.applied(connection, before, after.model(), plan);
    }
    // the revision holds the documents; the entry says who made it and what it touched
    AuditLog.append(
        connection,
        actor
            .audit(now, "metadata.revision")
            .with("revision", number)
            .with("objects", changes.stream().map(Change::object).distinct().sorted().toList())
            .with("access", accessChanged)
            .with("presentation", presentationChanged)
            .with("automations", automationsChanged));
    try (Statement notify = connection.createStatement()) {
      notify.execute("notify relata_metadata, '" + number + "'");
    }
    return new Applied(outcome, after.model());
  }

  /**
   * Takes the lock that serialises changes of the model and of object tables, across nodes, until
   * {@code connection}'s transaction ends: for work on object tables outside a change.
   */
  public static void lock(Connection connection) throws SQLException {
    try (Statement lock = connection.createStatement()) {
      lock.execute("select pg_advisory_xact_lock(" + LOCK + ")");
    }
  }

  /**
   * Runs the plan's DDL, waiting at most {@value #LOCK_WAIT} for a table's lock: the writers of a
   * table queue behind a change waiting for it, so a table held by something long (an index being
   * built, an import) refuses the change as busy rather than stopping its writers.
   */
  private static void applySchema(Connection connection, SchemaPlan plan)
      throws SQLException, Refused {
    Statement timeout = connection.createStatement();
    try (timeout) {
      timeout.execute("SET LOCAL lock_timeout = '" + LOCK_WAIT + "'");
    }
    try {
      SchemaMigrator.apply(connection, plan, true);
      // the revision, the hooks and the audit entry wait as long as they must
      try (Statement reset = connection.createStatement()) {
        reset.execute("SET LOCAL lock_timeout TO DEFAULT");
      }
    } catch (SQLException e) {
      if (!"55P03".equals(e.getSQLState())) {
        throw e;
      }
      String object = plan.steps().get(0).object();
      throw new Refused(Map.of(object, List.of(Problem.at("", "metadata.busy", object))));
    }
  }

  /**
   * Apps and dashboards follow the objects (removed objects leave them, renamed fields are
   * renamed), unless the edit wrote its own.
   */
  private static Documents followed(Documents current, Documents edited, List<Change> changes) {
    Documents followed = edited;
    if (edited.of(DocumentKinds.APPS).equals(current.of(DocumentKinds.APPS))) {
      followed =
          followed.with(
              DocumentKinds.APPS,
              PresentationRewrite.apps(current.of(DocumentKinds.APPS), changes));
    }
    if (edited.of(DocumentKinds.DASHBOARDS).equals(current.of(DocumentKinds.DASHBOARDS))) {
      followed =
          followed.with(
              DocumentKinds.DASHBOARDS,
              PresentationRewrite.dashboards(current.of(DocumentKinds.DASHBOARDS), changes));
    }
    return followed;
  }

  /**
   * Every change, and every plan, needs {@code manage-metadata}, whatever the way in (the API, a
   * Setup screen): decided here, against the holdings read in the change's transaction.
   */
  private void requireManager(Connection connection, Actor actor, CompiledModel before)
      throws SQLException {
    if (!AccessEvaluator.of(
            Subjects.of(connection, actor), before.access(), ModelObjects.none(), clock)
        .holds(SystemPermission.MANAGE_METADATA)) {
      throw AccessDeniedException.system(SystemPermission.MANAGE_METADATA.json());
    }
  }

  /**
   * Giving a permission set a system permission it does not hold yet needs {@code administrator},
   * whatever the way in (a put, a bundle, a revert): or {@code manage-metadata} would give its
   * holder any system permission through their own set. Decided here, under the change's lock,
   * against the documents the change replaces.
   */
  private static void requireAdministratorToGrant(
      Connection connection, Actor actor, Documents before, Documents after) throws SQLException {
    Map<String, java.util.Set<String>> held = new HashMap<>();
    for (JsonNode set : before.of(DocumentKinds.PERMISSION_SETS)) {
      java.util.Set<String> system = new java.util.HashSet<>();
      set.path("system").forEach(p -> system.add(p.asText()));
      held.put(set.path("name").asText(), system);
    }
    for (JsonNode set : after.of(DocumentKinds.PERMISSION_SETS)) {
      java.util.Set<String> had = held.getOrDefault(set.path("name").asText(), java.util.Set.of());
      for (JsonNode permission : set.path("system")) {
        if (!had.contains(permission.asText())) {
          if (!Subjects.of(connection, actor)
              .permissionSets()
              .contains(io.relata.metadata.access.PermissionSet.ADMINISTRATOR)) {
            throw AccessDeniedException.system(
                io.relata.metadata.access.PermissionSet.ADMINISTRATOR);
          }
          return;
        }
      }
    }
  }

  /** Revisions, newest first, without their models. */
  public List<Revision> revisions(int limit) {
    try (Connection connection = dataSource.getConnection()) {
      return RevisionStore.list(connection, limit);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read metadata revisions", e);
    }
  }

  public Optional<Revision> revision(long number) {
    try (Connection connection = dataSource.getConnection()) {
      return RevisionStore.find(connection, number);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read metadata revision " + number, e);
    }
  }

  /**
   * The documents of revision {@code target}, marked so that fields renamed since then are renamed
   * back (keeping their values) rather than dropped and added again, and fields and objects deleted
   * since then are restored with their values while they are still set aside.
   */
  public List<JsonNode> revertDocuments(Revision target, List<Revision> newer) {
    Map<String, String> renamed = renamedSince(target.number(), Long.MAX_VALUE, newer);
    // the field called "then" in the target is called "now" today: today's name is its origin
    List<JsonNode> documents = mark(target.objects(), renamed);
    try (Connection connection = dataSource.getConnection()) {
      markRestored(connection, documents, target.number());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read what was set aside", e);
    }
    return documents;
  }

  /**
   * Every kind's documents as revision {@code target} had them, marked for a revert ({@link
   * #revertDocuments}): what a revert to it puts in place of today's.
   */
  public Documents revertedTo(Revision target) {
    return target
        .documents()
        .with(DocumentKinds.OBJECTS, revertDocuments(target, revisions(10_000)));
  }

  /**
   * Marks the objects and fields of {@code documents} that are not in the model today but were
   * deleted after revision {@code after} and are still set aside: {@code restoredFrom} names the
   * latest deletion. A field is known by its name today ({@code renamedFrom}, if renamed since).
   */
  private void markRestored(Connection connection, List<JsonNode> documents, long after)
      throws SQLException {
    CompiledModel now = current();
    for (JsonNode document : documents) {
      ObjectNode doc = (ObjectNode) document;
      String object = doc.path("name").asText();
      Optional<ObjectDefinition> today = now.object(object);
      if (today.isEmpty()) {
        SetAsides.deletedSince(connection, object, "", after)
            .ifPresent(revision -> doc.put("restoredFrom", revision));
        continue;
      }
      for (JsonNode field : doc.path("fields")) {
        String name = field.path("renamedFrom").asText(field.path("name").asText());
        if (today.get().field(name).isEmpty()) {
          SetAsides.deletedSince(connection, object, name, after)
              .ifPresent(revision -> ((ObjectNode) field).put("restoredFrom", revision));
        }
      }
    }
  }

  /**
   * The documents of revision {@code to}, marked with the renames since revision {@code from}, so
   * that a diff from {@code from} shows renames as renames.
   */
  public List<JsonNode> forwardDocuments(Revision from, Revision to, List<Revision> all) {
    Map<String, String> renamed = renamedSince(from.number(), to.number(), all);
    Map<String, String> inverse = new HashMap<>();
    renamed.forEach(
        (key, now) ->
            inverse.put(
                key.substring(0, key.indexOf('.') + 1) + now, key.substring(key.indexOf('.') + 1)));
    return mark(to.objects(), inverse);
  }

  /**
   * {@code "object.name then" -> "name now"} for every field renamed by the revisions after {@code
   * after} up to {@code until}, renames composed in order.
   */
  private static Map<String, String> renamedSince(
      long after, long until, List<Revision> revisions) {
    Map<String, String> nowCalled = new HashMap<>();
    revisions.stream()
        .filter(r -> r.number() > after && r.number() <= until)
        .sorted(java.util.Comparator.comparingLong(Revision::number))
        .forEach(
            r ->
                r.renames()
                    .forEach(
                        rename -> {
                          nowCalled.replaceAll(
                              (key, name) ->
                                  key.startsWith(rename.object() + ".")
                                          && name.equals(rename.from())
                                      ? rename.to()
                                      : name);
                          nowCalled.putIfAbsent(rename.object() + "." + rename.from(), rename.to());
                        }));
    return nowCalled;
  }

  /** Copies of {@code documents} whose fields get {@code renamedFrom} from {@code origins}. */
  private static List<JsonNode> mark(List<JsonNode> documents, Map<String, String> origins) {
    List<JsonNode> marked = new ArrayList<>();
    for (JsonNode doc : documents) {
      ObjectNode copy = doc.deepCopy();
      String object = copy.path("name").asText();
      copy.path("fields")
          .forEach(
              field -> {
                String name = field.path("name").asText();
                String origin = origins.get(object + "." + name);
                if (origin != null && !origin.equals(name)) {
                  ((ObjectNode) field).put("renamedFrom", origin);
                }
              });
      marked.add(copy);
    }
    return marked;
  }

  private static CompiledModel compile(Optional<Revision> revision) {
    if (revision.isEmpty()) {
      return CompiledModel.empty();
    }
    ModelCompiler.Result result =
        DocumentKinds.compile(revision.get().number(), revision.get().documents());
    if (!result.ok()) {
      throw new IllegalStateException(
          "stored revision " + revision.get().number() + " does not compile: " + result.problems());
    }
    return result.model();
  }

  private static List<Revision.Rename> renames(List<Change> changes) {
    return changes.stream()
        .filter(Change.FieldRenamed.class::isInstance)
        .map(Change.FieldRenamed.class::cast)
        .map(r -> new Revision.Rename(r.object(), r.from(), r.to()))
        .toList();
  }
}
