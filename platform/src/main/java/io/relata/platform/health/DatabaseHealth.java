package io.relata.platform.health;

import io.relata.platform.database.DatabaseSchema;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the database on both health endpoints: reachable, server version, and the schema version
 * of the fixed tables. Readiness is DOWN while PostgreSQL cannot be reached or the fixed tables are
 * not migrated, so that a load balancer sends traffic elsewhere. Liveness reports the same facts
 * but stays UP: restarting a node does not bring a database back, and a restart loop would only
 * make an outage worse.
 */
@ApplicationScoped
public class DatabaseHealth {

  static final String NAME = "database";
  private static final int TIMEOUT_SECONDS = 2;
  private static final String SCHEMA_VERSION =
      "select version from "
          + DatabaseSchema.SCHEMA
          + ".flyway_schema_history"
          + " where success order by installed_rank desc limit 1";

  @Resource(lookup = DatabaseSchema.DATA_SOURCE)
  private DataSource dataSource;

  @Produces
  @Readiness
  HealthCheck readiness() {
    return () -> probe().build();
  }

  @Produces
  @Liveness
  HealthCheck liveness() {
    return () -> probe().up().build();
  }

  private HealthCheckResponseBuilder probe() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(TIMEOUT_SECONDS);
      try (ResultSet version = statement.executeQuery(SCHEMA_VERSION)) {
        boolean migrated = version.next();
        return response
            .status(migrated)
            .withData("reachable", true)
            .withData("server", connection.getMetaData().getDatabaseProductVersion())
            .withData("schemaVersion", migrated ? version.getString(1) : "none");
      }
    } catch (SQLException e) {
      // the state says enough; the message may carry host names or SQL
      String state = e.getSQLState() == null ? "unknown" : e.getSQLState();
      return response
          .down()
          .withData("reachable", !state.startsWith("08"))
          .withData("sqlState", state);
    }
  }
}
