package io.relata.platform.database;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.postgresql.ds.PGSimpleDataSource;

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

  /**
   * The role that owns the tables and runs the migrations; when it is not set, the application's
   * role does, and nothing protects the audit from the application.
   */
  @Inject
  @ConfigProperty(name = "relata.db.owner.user")
  private Optional<String> ownerUser;

  @Inject
  @ConfigProperty(name = "relata.db.owner.password")
  private Optional<String> ownerPassword;

  @Inject
  @ConfigProperty(name = "relata.db.url")
  private String url;

  @Inject
  @ConfigProperty(name = "relata.db.user")
  private String applicationUser;

  @PostConstruct
  void migrate() {
    Optional<String> owner = ownerUser.filter(name -> !name.isBlank());
    DataSource migrating = owner.map(this::ownerDataSource).orElse(dataSource);
    MigrateResult result = migrateTables(migrating);
    LOG.info(
        () ->
            "Fixed tables migrated: "
                + result.migrationsExecuted
                + " migrations applied, now at version "
                + (result.targetSchemaVersion != null
                    ? result.targetSchemaVersion
                    : result.initialSchemaVersion));
    try (Connection connection = migrating.getConnection()) {
      if (owner.isEmpty() || DatabaseRoles.isCurrentUser(connection, applicationUser)) {
        LOG.warning(
            "The application runs as the owner of its tables, so nothing keeps it from changing"
                + " the audit log; set relata.db.owner.user to a role of its own (README, \"Database"
                + " roles\")");
      } else {
        DatabaseRoles.grant(connection, applicationUser);
        LOG.info(() -> "Granted the application role " + applicationUser + " its rights");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot grant the application role its rights", e);
    }
  }

  /** Brings the fixed tables up to date on {@code owner}'s connections. */
  public static MigrateResult migrateTables(DataSource owner) {
    return Flyway.configure(DatabaseSchema.class.getClassLoader())
        .dataSource(owner)
        .schemas(SCHEMA)
        .createSchemas(true)
        .locations("classpath:io/relata/platform/database/migration")
        .failOnMissingLocations(true)
        .validateMigrationNaming(true)
        .load()
        .migrate();
  }

  private DataSource ownerDataSource(String user) {
    PGSimpleDataSource owner = new PGSimpleDataSource();
    owner.setUrl(url);
    owner.setUser(user);
    owner.setPassword(ownerPassword.orElse(""));
    owner.setApplicationName("relata-migrations");
    return owner;
  }
}
