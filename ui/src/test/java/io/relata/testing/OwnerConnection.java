package io.relata.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A connection as the role that owns the tables, for tests that do what only the owner may, such as
 * tampering with the audit log: {@code RELATA_DB_OWNER_USER} at {@code RELATA_DB_URL}, or the
 * application's own connection when the two roles are one.
 */
public final class OwnerConnection {

  private OwnerConnection() {}

  public static Connection open(DataSource application) throws SQLException {
    if (!separate()) {
      return application.getConnection();
    }
    return DriverManager.getConnection(
        System.getenv("RELATA_DB_URL"),
        System.getenv("RELATA_DB_OWNER_USER"),
        System.getenv("RELATA_DB_OWNER_PASSWORD"));
  }

  /** Whether the owner is a role other than the application's (as in the default build). */
  public static boolean separate() {
    String owner = System.getenv("RELATA_DB_OWNER_USER");
    return owner != null && !owner.isBlank() && !owner.equals(System.getenv("RELATA_DB_USER"));
  }
}
