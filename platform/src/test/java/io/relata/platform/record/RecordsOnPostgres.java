package io.relata.platform.record;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.access.AccessDocuments;
import io.relata.metadata.change.ModelDiff;
import io.relata.metadata.kind.DocumentKind;
import io.relata.metadata.kind.DocumentKinds;
import io.relata.metadata.kind.Documents;
import io.relata.metadata.model.CompiledModel;
import io.relata.metadata.model.ModelCompiler;
import io.relata.platform.identity.Actor;
import io.relata.platform.schema.JdbcTableStats;
import io.relata.platform.schema.SchemaMigrator;
import io.relata.platform.schema.SchemaPlanner;
import io.relata.platform.testing.MigratedPostgres;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Records on a real PostgreSQL without a container: object documents and permission sets compiled
 * into a model, their tables made by the schema migrator, users holding the sets, and a {@link
 * RecordService} built by its constructor with the platform's own hooks and a test's.
 */
final class RecordsOnPostgres implements AutoCloseable {

  private final MigratedPostgres postgres;
  private CompiledModel model;
  private final Clock clock;
  private RecordService service;
  private io.relata.platform.automation.script.ScriptRunners runners;
  private io.relata.platform.automation.RunLog runLog;

  private RecordsOnPostgres(MigratedPostgres postgres, CompiledModel model, Clock clock) {
    this.postgres = postgres;
    this.model = model;
    this.clock = clock;
  }

  /** Starts PostgreSQL and makes the tables of {@code objects}. */
  static RecordsOnPostgres start(List<JsonNode> objects, List<JsonNode> permissionSets, Clock clock)
      throws Exception {
    return start(objects, permissionSets, List.of(), clock);
  }

  /** Starts PostgreSQL and makes the tables of {@code objects}, with {@code automations}. */
  static RecordsOnPostgres start(
      List<JsonNode> objects,
      List<JsonNode> permissionSets,
      List<JsonNode> automations,
      Clock clock)
      throws Exception {
    return start(objects, permissionSets, Map.of(DocumentKinds.AUTOMATIONS, automations), clock);
  }

  /** Starts PostgreSQL and makes the tables of {@code objects}, with documents of other kinds. */
  static RecordsOnPostgres start(
      List<JsonNode> objects,
      List<JsonNode> permissionSets,
      Map<DocumentKind, List<JsonNode>> others,
      Clock clock)
      throws Exception {
    Documents documents =
        Documents.of(objects, new AccessDocuments(List.of(), permissionSets, List.of()));
    for (Map.Entry<DocumentKind, List<JsonNode>> kind : others.entrySet()) {
      documents = documents.with(kind.getKey(), kind.getValue());
    }
    ModelCompiler.Result compiled = DocumentKinds.compile(1, documents);
    assertTrue(compiled.ok(), compiled.problems().toString());
    MigratedPostgres postgres = MigratedPostgres.start();
    CompiledModel model = compiled.model();
    try (Connection connection = postgres.dataSource().getConnection()) {
      connection.setAutoCommit(false);
      SchemaMigrator.apply(
          connection,
          SchemaPlanner.plan(
              model.revision(),
              ModelDiff.between(List.of(), List.copyOf(model.objects())),
              List.copyOf(model.objects()),
              new JdbcTableStats(connection)),
          false);
      connection.commit();
    }
    return new RecordsOnPostgres(postgres, model, clock);
  }

  /**
   * The next revision of the model, with {@code documents} in place of the documents of {@code
   * kind} (not objects: no table changes): the model of every service from now on, answered.
   */
  CompiledModel change(DocumentKind kind, List<JsonNode> documents) {
    ModelCompiler.Result compiled =
        DocumentKinds.compile(model.revision() + 1, Documents.of(model).with(kind, documents));
    assertTrue(compiled.ok(), compiled.problems().toString());
    model = compiled.model();
    return model;
  }

  /** Relata's own activity object, as the platform installs it. */
  static ObjectNode activity() {
    try (java.io.InputStream in =
        RecordsOnPostgres.class.getResourceAsStream(
            "/io/relata/platform/metadata/core/activity.json")) {
      return (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A user holding {@code set}. */
  Actor user(String name, String set) throws SQLException {
    UUID id = UUID.randomUUID();
    try (Connection connection = postgres.dataSource().getConnection();
        PreparedStatement user =
            connection.prepareStatement(
                "INSERT INTO relata.app_user (id, username, password_hash, created_at)"
                    + " VALUES (?, ?, 'x', now())");
        PreparedStatement holds =
            connection.prepareStatement(
                "INSERT INTO relata.permission_set_assignment (permission_set, user_id)"
                    + " VALUES (?, ?)")) {
      user.setObject(1, id);
      user.setString(2, name);
      user.executeUpdate();
      holds.setString(1, set);
      holds.setObject(2, id);
      holds.executeUpdate();
    }
    return new Actor(id, name);
  }

  /** A group of {@code members}, by name. */
  void group(String name, Actor... members) throws SQLException {
    UUID id = UUID.randomUUID();
    try (Connection connection = postgres.dataSource().getConnection();
        PreparedStatement group =
            connection.prepareStatement(
                "INSERT INTO relata.user_group (id, name, label, created_at)"
                    + " VALUES (?, ?, ?, now())");
        PreparedStatement member =
            connection.prepareStatement(
                "INSERT INTO relata.group_member (group_id, user_id) VALUES (?, ?)")) {
      group.setObject(1, id);
      group.setString(2, name);
      group.setString(3, name);
      group.executeUpdate();
      for (Actor actor : members) {
        member.setObject(1, id);
        member.setObject(2, actor.id());
        member.executeUpdate();
      }
    }
  }

  /** The service, with the roll-up and audit hooks and {@code hooks}. */
  RecordService service(List<RecordHook> hooks) {
    return service(postgres.dataSource(), hooks);
  }

  /**
   * The service on one connection that stays open, as a pool keeps it: for figures that a new
   * connection per transaction (zonky's data source pools none) would drown.
   */
  RecordService pooledService(List<RecordHook> hooks) throws SQLException {
    Connection kept = postgres.dataSource().getConnection();
    Connection unclosable =
        (Connection)
            java.lang.reflect.Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("close")) {
                    return null;
                  }
                  try {
                    return method.invoke(kept, args);
                  } catch (java.lang.reflect.InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    DataSource one =
        (DataSource)
            java.lang.reflect.Proxy.newProxyInstance(
                DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("getConnection")) {
                    return unclosable;
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
    return service(one, hooks);
  }

  private RecordService service(DataSource dataSource, List<RecordHook> hooks) {
    CompiledObjects objects = new CompiledObjects(() -> model);
    List<RecordHook> all = new ArrayList<>(List.of(new RollUpHook(), new AuditHook()));
    all.addAll(hooks);
    service =
        new RecordService(
            dataSource, objects, clock, new RecordLists(clock, objects), new RecordHooks(all));
    return service;
  }

  /**
   * What running actions needs: scripts in a runner of this test's own, with queries through the
   * service made last (the hooks that need it are made before it), and a run log on its database.
   */
  io.relata.platform.automation.Automating automating() {
    if (runners == null) {
      runners = new io.relata.platform.automation.script.ScriptRunners();
      runLog = new io.relata.platform.automation.RunLog(postgres.dataSource());
    }
    return new io.relata.platform.automation.Automating(
        new io.relata.platform.automation.Scripting(runners, () -> service),
        runLog,
        new io.relata.platform.job.JobQueue(
            postgres.dataSource(), clock, new io.relata.platform.job.JobHandlers(List.of())));
  }

  /** The run log of {@link #automating}, once made. */
  io.relata.platform.automation.RunLog runLog() {
    return runLog;
  }

  WriteContext context(Actor actor) {
    return WriteContext.of(actor, WriteContext.Channel.SYSTEM, clock);
  }

  DataSource dataSource() {
    return postgres.dataSource();
  }

  CompiledModel model() {
    return model;
  }

  /** A column of a record, as stored. */
  Object column(String table, UUID id, String column) {
    return query(
        "SELECT \"" + column + "\" FROM records.\"" + table + "\" WHERE id = '" + id + "'");
  }

  /** How many activities about record {@code about} have {@code subject}. */
  long activities(UUID about, String subject) {
    return (Long)
        query(
            "SELECT count(*) FROM records.activity WHERE about->>'id' = '"
                + about
                + "' AND subject = '"
                + subject
                + "'");
  }

  /** The first column of the first row of {@code sql}. */
  Object query(String sql) {
    try (Connection connection = postgres.dataSource().getConnection();
        ResultSet rows = connection.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getObject(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean sameDecimal(String expected, Object actual) {
    return new BigDecimal(expected).compareTo((BigDecimal) actual) == 0;
  }

  @Override
  public void close() throws Exception {
    if (runners != null) {
      runners.stop();
      runLog.stop();
    }
    postgres.close();
  }
}
