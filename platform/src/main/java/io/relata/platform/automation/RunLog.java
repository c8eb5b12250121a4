package io.relata.platform.automation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.platform.database.DatabaseSchema;
import io.relata.platform.json.JsonCodec;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The run log ({@code relata.automation_run}): every automation run with what set it off, its
 * record, its actions, what a script used of its limits, how it ended and how long it took. Runs
 * are written after they end by a thread of this log, in batches, outside the write they ran in: a
 * run whose write was refused is logged too (that is when an admin needs it most), and logging adds
 * no statement to a user's save. A run logged as done may still belong to a write that another step
 * refused later; a node that dies loses the runs it had not written yet (up to a second's).
 */
@ApplicationScoped
public class RunLog {

  private static final Logger LOG = Logger.getLogger(RunLog.class.getName());

  /** One run as the log keeps it; {@code usage} is a script's, when the run had one. */
  public record Entry(
      UUID id,
      OffsetDateTime at,
      String automation,
      String trigger,
      String object,
      Optional<UUID> record,
      List<String> actions,
      String outcome,
      Optional<String> reason,
      Optional<JsonNode> usage,
      long millis,
      List<String> chain) {}

  @Resource(lookup = DatabaseSchema.DATA_SOURCE)
  private DataSource dataSource;

  /** Days a run stays in the log. */
  @Inject
  @ConfigProperty(name = "relata.automation.runs.keep-days", defaultValue = "14")
  private int keepDays = 14;

  private long purged;

  private final ConcurrentLinkedQueue<Entry> pending = new ConcurrentLinkedQueue<>();
  private Thread writer;
  private volatile boolean stopping;

  /** For CDI. */
  public RunLog() {}

  /** A log on {@code dataSource}, for tests. */
  public RunLog(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Keeps {@code entry}, to be written within a second. */
  public void add(Entry entry) {
    pending.add(entry);
    startWriter();
  }

  private synchronized void startWriter() {
    if (writer != null || stopping) {
      return;
    }
    writer =
        new Thread(
            () -> {
              while (!stopping) {
                try {
                  flush();
                  purgeHourly();
                  Thread.sleep(500);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return;
                } catch (SQLException | RuntimeException e) {
                  LOG.log(Level.WARNING, "the run log could not be written; it tries again", e);
                }
              }
            },
            "automation-run-log");
    writer.setDaemon(true);
    writer.start();
  }

  /** Writes what is pending now, in one transaction; answers how many. */
  public int flush() throws SQLException {
    List<Entry> batch = new ArrayList<>();
    for (Entry entry = pending.poll(); entry != null; entry = pending.poll()) {
      batch.add(entry);
    }
    if (batch.isEmpty()) {
      return 0;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(INSERT)) {
      for (Entry entry : batch) {
        bind(insert, entry);
        insert.addBatch();
      }
      insert.executeBatch();
    } catch (SQLException batchFailed) {
      // one entry the table refuses must not lose the others: each on its own, the bad one logged
      try (Connection connection = dataSource.getConnection();
          PreparedStatement insert = connection.prepareStatement(INSERT)) {
        for (Entry entry : batch) {
          try {
            bind(insert, entry);
            insert.executeUpdate();
          } catch (SQLException refused) {
            LOG.log(Level.WARNING, refused, () -> "run " + entry.id() + " not logged");
          }
        }
      }
    }
    return batch.size();
  }

  private static final String INSERT =
      "INSERT INTO relata.automation_run (id, at, automation, trigger, object,"
          + " record_id, actions, outcome, reason, usage, millis, chain)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb, ?, ?::jsonb)";

  private static void bind(PreparedStatement insert, Entry entry) throws SQLException {
    insert.setObject(1, entry.id());
    insert.setObject(2, entry.at());
    insert.setString(3, entry.automation());
    insert.setString(4, entry.trigger());
    insert.setString(5, entry.object());
    insert.setObject(6, entry.record().orElse(null));
    insert.setString(7, JsonCodec.text(strings(entry.actions())));
    insert.setString(8, entry.outcome());
    // PostgreSQL's text takes no NUL, which a script's message may hold
    insert.setString(9, entry.reason().map(r -> r.replace((char) 0, ' ')).orElse(null));
    insert.setString(10, entry.usage().map(JsonNode::toString).orElse(null));
    insert.setInt(11, (int) Math.min(Integer.MAX_VALUE, entry.millis()));
    insert.setString(12, JsonCodec.text(strings(entry.chain())));
  }

  /**
   * A page of runs, newest first, of {@code automation} and {@code record} when given; {@code
   * after} is the last run of the previous page.
   */
  public List<ObjectNode> list(
      Optional<String> automation,
      Optional<UUID> record,
      Optional<String> outcome,
      Optional<UUID> after,
      int limit)
      throws SQLException {
    StringBuilder sql =
        new StringBuilder(
            "SELECT id, at, automation, trigger, object, record_id, actions, outcome, reason,"
                + " usage, millis, chain FROM relata.automation_run r WHERE TRUE");
    List<Object> binds = new ArrayList<>();
    automation.ifPresent(a -> add(sql, binds, " AND automation = ?", a));
    record.ifPresent(r -> add(sql, binds, " AND record_id = ?", r));
    outcome.ifPresent(o -> add(sql, binds, " AND outcome = ?", o));
    after.ifPresent(
        a ->
            add(
                sql,
                binds,
                " AND (at, id) < (SELECT at, id FROM relata.automation_run WHERE id = ?)",
                a));
    sql.append(" ORDER BY at DESC, id DESC LIMIT ").append(limit);
    List<ObjectNode> runs = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql.toString())) {
      for (int i = 0; i < binds.size(); i++) {
        select.setObject(i + 1, binds.get(i));
      }
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          runs.add(json(rows));
        }
      }
    }
    return runs;
  }

  /** Whether the run {@code id} is in the log. */
  public boolean has(UUID id) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement("SELECT 1 FROM relata.automation_run WHERE id = ?")) {
      select.setObject(1, id);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next();
      }
    }
  }

  /** Once an hour, forgets the runs older than the days they are kept. */
  private void purgeHourly() throws SQLException {
    long now = System.currentTimeMillis();
    if (now - purged > 3_600_000L) {
      purged = now;
      purge(OffsetDateTime.now().minusDays(keepDays));
    }
  }

  /** Forgets runs before {@code before}; answers how many. */
  public int purge(OffsetDateTime before) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete =
            connection.prepareStatement("DELETE FROM relata.automation_run WHERE at < ?")) {
      delete.setObject(1, before);
      return delete.executeUpdate();
    }
  }

  private static ArrayNode strings(List<String> values) {
    ArrayNode array = JsonCodec.NODES.arrayNode();
    values.forEach(array::add);
    return array;
  }

  private static void add(StringBuilder sql, List<Object> binds, String clause, Object value) {
    sql.append(clause);
    binds.add(value);
  }

  private static ObjectNode json(ResultSet rows) throws SQLException {
    ObjectNode run = JsonCodec.object();
    run.put("id", rows.getObject("id", UUID.class).toString());
    run.put("at", rows.getObject("at", OffsetDateTime.class).toInstant().toString());
    run.put("automation", rows.getString("automation"));
    run.put("trigger", rows.getString("trigger"));
    run.put("object", rows.getString("object"));
    UUID record = rows.getObject("record_id", UUID.class);
    if (record == null) {
      run.putNull("record");
    } else {
      run.put("record", record.toString());
    }
    run.set("actions", JsonCodec.parse(rows.getString("actions")));
    run.put("outcome", rows.getString("outcome"));
    run.put("reason", rows.getString("reason"));
    String usage = rows.getString("usage");
    run.set("usage", usage == null ? JsonCodec.NODES.nullNode() : JsonCodec.parse(usage));
    run.put("millis", rows.getInt("millis"));
    ArrayNode chain = (ArrayNode) JsonCodec.parse(rows.getString("chain"));
    run.set("chain", chain);
    return run;
  }

  @PreDestroy
  public void stop() {
    stopping = true;
    Thread running = writer;
    if (running != null) {
      running.interrupt();
    }
    try {
      flush();
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "the run log's last runs could not be written", e);
    }
  }
}
