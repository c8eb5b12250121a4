package io.relata.platform.audit.trail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.access.SystemPermission;
import io.relata.platform.access.AccessDeniedException;
import io.relata.platform.access.AccessEvaluator;
import io.relata.platform.access.ObjectAccess;
import io.relata.platform.audit.AuditLog;
import io.relata.platform.audit.AuditQuery;
import io.relata.platform.audit.AuditReader;
import io.relata.platform.audit.AuditVerifier;
import io.relata.platform.database.DatabaseSchema;
import io.relata.platform.database.Transactions;
import io.relata.platform.identity.Actor;
import io.relata.platform.message.Messages;
import io.relata.platform.record.CompiledObjects;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The audit log as its readers (holders of {@code view-audit}) work with it, over the API and in
 * Setup: entries newest first with filters, the chain verified, and the sealed entries for a SIEM.
 * It checks the right itself on every call, before it reads anything, whichever way the call comes
 * in; and it decides, in one place, which field values a reader sees.
 */
@ApplicationScoped
public class AuditConsole {

  @Resource(lookup = DatabaseSchema.DATA_SOURCE)
  private DataSource dataSource;

  @Inject private CompiledObjects objects;
  @Inject private Clock clock;

  /** Refuses (403) whoever may not read the audit: asked first, before any input is read. */
  public void require(Actor actor) {
    read(connection -> allowed(connection, actor));
  }

  /** A page of the entries that match, newest first, in the API's list shape. */
  public ObjectNode page(Actor actor, AuditQuery query, Locale locale) {
    return read(connection -> reader(allowed(connection, actor), locale).page(connection, query));
  }

  /**
   * Recomputes the whole chain, and checks that it still reaches {@code known}, a head published
   * earlier. It reads every sealed entry: on a long chain it takes a while.
   */
  public AuditVerifier.Verification verify(Actor actor, Optional<AuditVerifier.Head> known) {
    return read(
        connection -> {
          allowed(connection, actor);
          return AuditVerifier.verify(connection, known);
        });
  }

  /**
   * Notes in the audit that {@code actor} exports the sealed entries after {@code position}: the
   * note is committed before the first entry goes out.
   */
  public void exporting(Actor actor, long position) {
    require(actor);
    try {
      Transactions.run(
          dataSource,
          connection ->
              AuditLog.append(
                  connection,
                  actor.audit(OffsetDateTime.now(clock), "audit.export").with("after", position)));
    } catch (SQLException e) {
      throw new IllegalStateException("the audit export could not be recorded", e);
    }
  }

  /** Every sealed entry after {@code position}, in chain order, each with its position and hash. */
  public void sealedAfter(Actor actor, long position, Locale locale, AuditReader.Sink sink) {
    try {
      // in a transaction: only then does the driver fetch the rows a thousand at a time
      Transactions.run(
          dataSource,
          connection -> {
            // the evaluator reads on the connection it was made on: make it on this one
            reader(allowed(connection, actor), locale).sealedAfter(connection, position, sink);
            return null;
          });
    } catch (SQLException e) {
      throw new IllegalStateException("the audit export failed in the database", e);
    }
  }

  private AuditReader reader(AccessEvaluator evaluator, Locale locale) {
    CompiledObjects.Snapshot snapshot = objects.current();
    // an object's access is decided once per request, not once per value
    Map<String, Optional<ObjectAccess>> access = new HashMap<>();
    return new AuditReader(
        (object, field) ->
            access
                .computeIfAbsent(
                    object, name -> snapshot.object(name).map(o -> evaluator.on(o.definition())))
                .map(a -> visible(a, field))
                .orElse(true),
        action -> Messages.text(action, locale));
  }

  /**
   * A field's values are shown to whoever may see the field. Other values of a record event (an
   * export's filter or search text, which may quote any field) only to whoever may see every field
   * of the object. Values of objects that no longer exist are shown to every reader of the audit.
   */
  private static boolean visible(ObjectAccess access, String field) {
    return access.visible(field) || access.seesEveryField();
  }

  /** The reader's evaluator, once they hold {@code view-audit}; 403 otherwise. */
  private AccessEvaluator allowed(Connection connection, Actor actor) throws SQLException {
    AccessEvaluator evaluator = objects.current().evaluator(connection, actor, clock);
    if (!evaluator.holds(SystemPermission.VIEW_AUDIT)) {
      throw AccessDeniedException.system(SystemPermission.VIEW_AUDIT.json());
    }
    return evaluator;
  }

  private <T> T read(Transactions.Work<T> work) {
    try {
      return Transactions.read(dataSource, work);
    } catch (SQLException e) {
      throw new IllegalStateException("reading the audit failed in the database", e);
    }
  }
}
