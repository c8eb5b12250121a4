package io.relata.platform.identity;

import java.io.Serializable;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Set;

/**
 * What a request may use of a user's rights, as the access evaluator needs it: their role, their
 * groups and every permission set they hold directly or through a group, narrowed by the API
 * token's scope when there is one. Read in the same query as the token that authenticates the
 * request, which saves each request a round trip and still counts a change from the next request on
 * every node.
 *
 * @param role null when the user has none
 * @param readOnly the token allows no request that writes
 * @param zone the user's time zone, for relative dates in their filters and rules
 */
public record Holdings(
    String role, Set<String> groups, Set<String> permissionSets, boolean readOnly, ZoneId zone)
    implements Serializable {

  private static final String SETS =
      " ARRAY(SELECT a.permission_set FROM relata.permission_set_assignment a"
          + "   WHERE (a.user_id = u.id OR a.group_id IN"
          + "   (SELECT m.group_id FROM relata.group_member m WHERE m.user_id = u.id))";

  /**
   * The columns of a user's holdings, for a query over {@code relata.app_user u}, and with {@code
   * token} over {@code relata.api_token t} too, whose scope narrows them; {@link #read} reads them
   * back.
   */
  public static String columns(boolean token) {
    return "u.role,"
        + " ARRAY(SELECT g.name FROM relata.group_member m"
        + "   JOIN relata.user_group g ON g.id = m.group_id WHERE m.user_id = u.id),"
        + SETS
        + (token
            ? " AND (t.permission_sets IS NULL"
                + " OR a.permission_set = ANY(string_to_array(t.permission_sets, ','))))"
                + ", t.read_only"
            : ")")
        + ", u.time_zone";
  }

  public Holdings {
    groups = Set.copyOf(groups);
    permissionSets = Set.copyOf(permissionSets);
  }

  /** The holdings in the row's {@link #columns} that start at column {@code first}. */
  public static Holdings read(ResultSet row, int first, boolean token) throws SQLException {
    return new Holdings(
        row.getString(first),
        names(row.getArray(first + 1)),
        names(row.getArray(first + 2)),
        token && row.getBoolean(first + 3),
        zone(row.getString(first + (token ? 4 : 3))));
  }

  /** The stored zone; UTC should a zone the JDK no longer knows ever be stored. */
  private static ZoneId zone(String id) {
    try {
      return ZoneId.of(id);
    } catch (java.time.DateTimeException e) {
      return java.time.ZoneOffset.UTC;
    }
  }

  private static Set<String> names(Array array) throws SQLException {
    return Set.copyOf(Arrays.asList((String[]) array.getArray()));
  }
}
