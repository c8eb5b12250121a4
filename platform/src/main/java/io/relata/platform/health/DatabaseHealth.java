package io.relata.platform.health;

import io.relata.platform.database.DatabaseSchema;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the database on both health endpoints. Readiness asks PostgreSQL each time: DOWN while it
 * cannot be reached or the fixed tables are not migrated, so that a load balancer sends traffic
 * elsewhere. Liveness does no I/O (a probe must not hang on a dead database) and stays UP — a
 * restart does not bring a database back — but reports what the last readiness probe found. Nothing
 * here names the server's version: the endpoints answer anonymous callers.
 */
@ApplicationScoped
public class DatabaseHealth {

  static final String NAME = "database";
  private static final int TIMEOUT_SECONDS = 2;
  private static final String SCHEMA_VERSION =
      "select version from "
          + DatabaseSchema.SCHEMA
          + ".flyway_schema_history where success order by installed_rank desc limit 1";

  /** What the last readiness probe saw; {@code null} before the first. */
  private record Probe(boolean ready, String detail, Instant at) {}

  @Resource(lookup = DatabaseSchema.DATA_SOURCE)
  private DataSource dataSource;

  @Inject private Clock clock;
  private volatile Probe last;

  @Produces
  @Readiness
  HealthCheck readiness() {
    return () -> {
      Probe probe = probe();
      last = probe;
      return report(probe).status(probe.ready()).build();
    };
  }

  @Produces
  @Liveness
  HealthCheck liveness() {
    return () -> {
      Probe probe = last;
      HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up();
      return probe == null
          ? response.withData("lastProbe", "none").build()
          : report(probe).up().build();
    };
  }

  private HealthCheckResponseBuilder report(Probe probe) {
    return HealthCheckResponse.named(NAME)
        .withData(probe.ready() ? "schemaVersion" : "problem", probe.detail())
        .withData("lastProbe", probe.at().toString());
  }

  private Probe probe() {
    Instant now = clock.instant();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(TIMEOUT_SECONDS);
      try (ResultSet version = statement.executeQuery(SCHEMA_VERSION)) {
        return version.next()
            ? new Probe(true, version.getString(1), now)
            : new Probe(false, "not migrated", now);
      }
    } catch (SQLException e) {
      // the SQL state says enough; the message may carry host names or SQL
      return new Probe(
          false, "SQLSTATE " + (e.getSQLState() == null ? "unknown" : e.getSQLState()), now);
    }
  }
}
