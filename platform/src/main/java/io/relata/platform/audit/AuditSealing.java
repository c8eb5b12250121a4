package io.relata.platform.audit;

import io.relata.platform.database.DatabaseSchema;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Seals pending audit entries every second on every node; the sealer's advisory lock lets one node
 * at a time do it, and a node that finds the lock taken skips its turn.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class AuditSealing {

  private static final Logger LOG = Logger.getLogger(AuditSealing.class.getName());

  @Resource(lookup = DatabaseSchema.DATA_SOURCE)
  private DataSource dataSource;

  @Inject private Clock clock;

  @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
  void sealPending() {
    try {
      AuditSealer.sealPending(dataSource, clock);
    } catch (SQLException e) {
      // the entries stay pending and the next turn tries again
      LOG.log(Level.WARNING, "Sealing audit entries failed; they stay pending", e);
    }
  }
}
