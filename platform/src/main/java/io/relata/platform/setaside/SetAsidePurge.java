package io.relata.platform.setaside;

import io.relata.platform.access.CurrentModel;
import io.relata.platform.audit.AuditLog;
import io.relata.platform.database.DatabaseSchema;
import io.relata.platform.identity.Actor;
import io.relata.platform.metadata.MetadataService;
import io.relata.platform.schema.SetAsides;
import io.relata.platform.schema.SetAsides.SetAside;
import io.relata.platform.time.Now;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Erases what metadata changes set aside: nightly, what is older than {@link SetAsides#KEPT}; at
 * once, what an admin erases. Each erasure is its own transaction under the metadata lock, so that
 * it never races a restore, and waits at most 2 s for the table: a busy table is left for the next
 * night rather than stopping its writers.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // its own transactions, by hand
public class SetAsidePurge {

  private static final Logger LOG = Logger.getLogger(SetAsidePurge.class.getName());

  /** Raised when a table was too busy to erase from; nothing was erased. */
  public static final class Busy extends Exception {
    private static final long serialVersionUID = 1L;

    Busy() {
      super("the table is busy", null, false, false);
    }
  }

  @Resource(lookup = DatabaseSchema.DATA_SOURCE)
  private DataSource dataSource;

  @Inject private Clock clock;

  @Inject private CurrentModel models;

  /** For the container. */
  public SetAsidePurge() {}

  /** For tests: on {@code dataSource}, at {@code clock}'s time. */
  public SetAsidePurge(DataSource dataSource, Clock clock, CurrentModel models) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.models = models;
  }

  @Schedule(hour = "3", minute = "41", persistent = false)
  void nightly() {
    try {
      int erased = purge();
      LOG.info(() -> "Erased " + erased + " deleted fields and objects kept past their days");
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "Erasing deleted fields and objects failed; tomorrow tries again", e);
    }
  }

  /** Erases everything set aside longer than {@link SetAsides#KEPT} ago; how many it erased. */
  public int purge() throws SQLException {
    OffsetDateTime now = Now.of(clock);
    List<SetAside> due;
    try (Connection connection = dataSource.getConnection()) {
      due = SetAsides.before(connection, now.minus(SetAsides.KEPT));
    }
    int erased = 0;
    for (SetAside entry : due) {
      try {
        if (erase(Actor.platform(), entry.object(), entry.field().orElse(""), entry.revision())) {
          erased++;
        }
      } catch (Busy busy) {
        LOG.info(() -> "Left " + entry.object() + " for tomorrow: its table is busy");
      }
    }
    return erased;
  }

  /**
   * Erases one entry now, for {@code actor}: its values are gone for good. False when there is no
   * such entry (restored or erased meanwhile).
   */
  public boolean erase(Actor actor, String object, String field, long revision)
      throws SQLException, Busy {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        MetadataService.lock(connection);
        var entry = SetAsides.lock(connection, object, field, revision);
        if (entry.isEmpty()) {
          connection.rollback();
          return false;
        }
        try (Statement timeout = connection.createStatement()) {
          timeout.execute("SET LOCAL lock_timeout = '2s'");
        }
        SetAsides.erase(connection, entry.get(), models.current().objects());
        AuditLog.append(
            connection,
            actor
                .audit(Now.of(clock), "metadata.erase")
                .with("object", object)
                .with("field", field)
                .with("revision", revision)
                .with("count", entry.get().count()));
        connection.commit();
        return true;
      } catch (SQLException e) {
        connection.rollback();
        if ("55P03".equals(e.getSQLState())) {
          throw new Busy();
        }
        throw e;
      } catch (RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
  }
}
