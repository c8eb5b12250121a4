package io.relata.platform.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The application's database role, granted by the owner of the tables after each migration: it
 * reads and writes the platform's tables, owns the record tables it creates at run time, and may
 * only read and add to the audit log (security-design.md, "Database roles"). The grants are
 * repeated at every start, so tables added by later migrations are covered, and so is a changed
 * application role.
 */
public final class DatabaseRoles {

  /** The audit's own tables: nothing in them is ever changed or removed. */
  static final List<String> APPEND_ONLY =
      List.of("relata.audit_entry", "relata.audit_value", "relata.audit_seal");

  private DatabaseRoles() {}

  /**
   * Grants {@code application} what it needs, and no more on the audit, on the owner's {@code
   * connection}. Record tables the owner created (before the roles were split) pass to the
   * application, which changes them when metadata changes.
   */
  public static void grant(Connection owner, String application) throws SQLException {
    String role = quoted(owner, application);
    List<String> statements = new ArrayList<>();
    statements.add("GRANT USAGE ON SCHEMA relata TO " + role);
    statements.add("GRANT USAGE, CREATE ON SCHEMA records TO " + role);
    statements.add(
        "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA relata TO " + role);
    statements.add("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA relata TO " + role);
    statements.add("GRANT REFERENCES ON relata.app_user TO " + role);
    statements.add(
        "REVOKE UPDATE, DELETE, TRUNCATE ON " + String.join(", ", APPEND_ONLY) + " FROM " + role);
    // the sealer takes entries off the queue once they are in the chain
    statements.add("REVOKE UPDATE, TRUNCATE ON relata.audit_pending FROM " + role);
    statements.add(
        "REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON relata.flyway_schema_history FROM " + role);
    for (String table : ownedInRecords(owner, "r")) {
      statements.add("ALTER TABLE " + table + " OWNER TO " + role);
    }
    try (Statement statement = owner.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
      // auto-number sequences (those a table owns moved with it)
      for (String sequence : ownedInRecords(owner, "S")) {
        statement.execute("ALTER SEQUENCE " + sequence + " OWNER TO " + role);
      }
    }
  }

  /** Whether {@code connection}'s user is {@code role}: then there is nothing to grant. */
  public static boolean isCurrentUser(Connection connection, String role) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT current_user = ?")) {
      query.setString(1, role);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getBoolean(1);
      }
    }
  }

  /** Relations of {@code kind} ({@code r} table, {@code S} sequence) in records the owner owns. */
  private static List<String> ownedInRecords(Connection owner, String kind) throws SQLException {
    List<String> names = new ArrayList<>();
    try (PreparedStatement query =
        owner.prepareStatement(
            "SELECT 'records.' || quote_ident(c.relname) FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = 'records' AND c.relkind = ?"
                + " AND pg_get_userbyid(c.relowner) = current_user")) {
      query.setString(1, kind);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          names.add(rows.getString(1));
        }
      }
    }
    return names;
  }

  private static String quoted(Connection connection, String role) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT quote_ident(?)")) {
      query.setString(1, role);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getString(1);
      }
    }
  }
}
