package io.relata.platform.automation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.access.SystemPermission;
import io.relata.platform.access.Permissions;
import io.relata.platform.automation.script.ScriptRunners;
import io.relata.platform.database.DatabaseSchema;
import io.relata.platform.identity.Actor;
import io.relata.platform.record.RecordService;
import io.relata.platform.record.WriteContext;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Test runs as admins ask for them, over the API and in Setup: an automation, assignment rules or a
 * scoring model run against a record the admin can read, in a transaction that is rolled back
 * ({@link TestRun}). It checks {@code manage-metadata} itself. An action that would be refused
 * throws the refusal, as the write would; a script stopped by an error says at which line. A
 * script's syntax is checked as it is typed, without running it.
 */
@ApplicationScoped
public class TestRuns {

  /** The kinds a test run runs. */
  public static final List<String> KINDS = TestRun.KINDS;

  @Resource(lookup = DatabaseSchema.DATA_SOURCE)
  private DataSource dataSource;

  @Inject private RecordService records;
  @Inject private Automating automating;
  @Inject private Permissions permissions;
  @Inject private Clock clock;
  @Inject private ScriptRunners scripts;

  /** Refuses (403) whoever may not run tests: asked first, before any input is read. */
  public void require(Actor actor) {
    permissions.require(actor, SystemPermission.MANAGE_METADATA);
  }

  /**
   * Where a script action's source does not parse, and why; empty when it parses. Nothing of it
   * runs: what an admin sees as they type.
   */
  public Optional<ScriptRunners.SyntaxError> syntax(Actor actor, String source) {
    permissions.require(actor, SystemPermission.MANAGE_METADATA);
    return scripts.check("script.js", source);
  }

  /**
   * Readies the script runner in the background for the checks of an admin about to write a script:
   * opening an automation's form calls it.
   */
  public void prepareScripts(Actor actor) {
    permissions.require(actor, SystemPermission.MANAGE_METADATA);
    scripts.prepare();
  }

  /** What the document {@code name} of {@code kind} would do to the record, and nothing done. */
  public ObjectNode run(Actor actor, String kind, String name, String object, UUID record)
      throws SQLException {
    permissions.require(actor, SystemPermission.MANAGE_METADATA);
    // the record must be one the admin can read: 404 otherwise, as for a read
    records.read(actor, object, record, List.of());
    WriteContext context = WriteContext.of(actor, WriteContext.Channel.API, clock);
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        return new TestRun(records.writesOn(connection), context, automating)
            .run(kind, name, object, record);
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    }
  }
}
