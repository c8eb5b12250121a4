package io.relata.platform.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A real PostgreSQL for the platform's own tests (zonky's binaries), with the fixed tables migrated
 * by Flyway from the same migrations the application runs.
 */
public final class MigratedPostgres implements AutoCloseable {

  private final EmbeddedPostgres postgres;

  private MigratedPostgres(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /** With zonky's defaults (fast, not durable). */
  public static MigratedPostgres start() throws IOException {
    return start(EmbeddedPostgres.builder());
  }

  /** With the caller's server settings, for example durable commits for a benchmark. */
  public static MigratedPostgres start(EmbeddedPostgres.Builder builder) throws IOException {
    MigratedPostgres started =
        new MigratedPostgres(
            builder
                .setLocaleConfig("locale", "C")
                .setLocaleConfig("locale-provider", "builtin")
                .setLocaleConfig("builtin-locale", "C.UTF-8")
                .start());
    Flyway.configure()
        .dataSource(started.dataSource())
        .schemas("relata")
        .createSchemas(true)
        .locations("classpath:io/relata/platform/database/migration")
        .load()
        .migrate();
    return started;
  }

  /** Connections as the superuser, who owns what the migrations made. */
  public DataSource dataSource() {
    return postgres.getPostgresDatabase();
  }

  /** Connections as {@code user}, to the same database. */
  public DataSource dataSource(String user) {
    return postgres.getDatabase(user, "postgres");
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
