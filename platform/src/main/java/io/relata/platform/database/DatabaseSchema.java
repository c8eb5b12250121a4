package io.relata.platform.database;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Defines the application's data source and brings the fixed tables up to date when the application
 * starts. Payara deploys nothing else until this has run, so no request ever meets an old schema;
 * Flyway's lock on its history table keeps two nodes starting at once from migrating twice.
 */
@DataSourceDefinition(
    name = DatabaseSchema.DATA_SOURCE,
    className = "org.postgresql.ds.PGSimpleDataSource",
    url = "${MPCONFIG=relata.db.url}",
    user = "${MPCONFIG=relata.db.user}",
    password = "${MPCONFIG=relata.db.password}",
    minPoolSize = 2,
    maxPoolSize = 32,
    properties = {
      "applicationName=relata",
      // lets PostgreSQL type string parameters itself (uuid, jsonb) instead of insisting on text
      "stringType=unspecified",
      // hands out the driver's own statements and result sets: Payara's wrappers call the JDBC 4.1
      // methods (getObject(column, type)) by reflection, looked up again on every call, which
      // cost a 50-row list more than half of its time
      "fish.payara.wrap-jdbc-objects=false"
    })
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseSchema {

  /** The JNDI name of the data source; the persistence unit and health checks refer to it. */
  public static final String DATA_SOURCE = "java:app/jdbc/relata";

  /** The schema that holds the platform's fixed tables. */
  public static final String SCHEMA = "relata";

  private static final Logger LOG = Logger.getLogger(DatabaseSchema.class.getName());

  @Resource(lookup = DATA_SOURCE)
  private DataSource dataSource;

  @PostConstruct
  void migrate() {
    MigrateResult result =
        Flyway.configure(DatabaseSchema.class.getClassLoader())
            .dataSource(dataSource)
            .schemas(SCHEMA)
            .createSchemas(true)
            .locations("classpath:io/relata/platform/database/migration")
            .failOnMissingLocations(true)
            .validateMigrationNaming(true)
            .load()
            .migrate();
    LOG.info(
        () ->
            "Fixed tables migrated: "
                + result.migrationsExecuted
                + " migrations applied, now at version "
                + (result.targetSchemaVersion != null
                    ? result.targetSchemaVersion
                    : result.initialSchemaVersion));
  }
}
