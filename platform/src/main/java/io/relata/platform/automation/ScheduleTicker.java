package io.relata.platform.automation;

import io.relata.platform.time.Now;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every minute, on every node, makes sure the next moment of each schedule is a job ({@link
 * ScheduledAutomations#plan}): a schedule saved, changed or switched on is queued within a minute,
 * and nothing is queued twice, whichever node gets there first.
 */
@Singleton
@Startup
public class ScheduleTicker {

  private static final Logger LOG = Logger.getLogger(ScheduleTicker.class.getName());

  @Inject private ScheduledAutomations schedules;
  @Inject private Clock clock;

  @Schedule(hour = "*", minute = "*", persistent = false)
  void tick() {
    try {
      schedules.plan(Now.of(clock).toInstant());
    } catch (SQLException | RuntimeException e) {
      LOG.log(
          Level.WARNING, "Planning scheduled automations failed; the next minute tries again", e);
    }
  }
}
