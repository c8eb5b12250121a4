package io.relata.platform.identity;

import java.io.Serializable;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Set;

/**
 * What a user holds, as the access evaluator needs it: their role, their groups and every
 * permission set they hold directly or through a group. Read in the same query as the API token
 * that authenticates a request, which saves each request a round trip and still counts a change
 * from the next request on every node.
 *
 * @param role null when the user has none
 */
public record Holdings(String role, Set<String> groups, Set<String> permissionSets)
    implements Serializable {

  /**
   * The three columns of a user's holdings, for a query over {@code relata.app_user u}; {@link
   * #read} reads them back.
   */
  public static final String COLUMNS =
      "u.role,"
          + " ARRAY(SELECT g.name FROM relata.group_member m"
          + "   JOIN relata.user_group g ON g.id = m.group_id WHERE m.user_id = u.id),"
          + " ARRAY(SELECT a.permission_set FROM relata.permission_set_assignment a"
          + "   WHERE a.user_id = u.id OR a.group_id IN"
          + "   (SELECT m.group_id FROM relata.group_member m WHERE m.user_id = u.id))";

  public Holdings {
    groups = Set.copyOf(groups);
    permissionSets = Set.copyOf(permissionSets);
  }

  /** The holdings in the row's {@link #COLUMNS} that start at column {@code first}. */
  public static Holdings read(ResultSet row, int first) throws SQLException {
    return new Holdings(
        row.getString(first), names(row.getArray(first + 1)), names(row.getArray(first + 2)));
  }

  private static Set<String> names(Array array) throws SQLException {
    return Set.copyOf(Arrays.asList((String[]) array.getArray()));
  }
}
