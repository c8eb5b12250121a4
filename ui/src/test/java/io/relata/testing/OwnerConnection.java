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
    String owner = System.getenv("RELATA_DB_OWNER_USER");
    if (owner == null || owner.isBlank()) {
      return application.getConnection();
    }
    return DriverManager.getConnection(
        System.getenv("RELATA_DB_URL"), owner, System.getenv("RELATA_DB_OWNER_PASSWORD"));
  }
}
