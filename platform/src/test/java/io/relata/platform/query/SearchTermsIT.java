package io.relata.platform.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relata.platform.testing.MigratedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Search terms as PostgreSQL runs them, with the folding function of the search column. */
class SearchTermsIT {

  private static MigratedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = MigratedPostgres.start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @Test
  void lookAlikesOfOperatorsAreNeitherErrorsNorOperators() throws Exception {
    String text = "Mäkinen Oy (Helsinki) | sales";
    for (String typed :
        List.of(
            "¡mäki",
            "（mäki）",
            "mäki ｜ oy",
            "‘mäki’",
            "mäki:*",
            "mäki & !oy",
            "oy<->mäki",
            "＆mäki",
            "mäki\\",
            "mäki'",
            "mäki\"oy\"")) {
      assertTrue(matches(typed, text), typed + " finds " + text);
    }
    assertFalse(matches("¡nokia", text), "a NOT query would have matched");
    assertFalse(matches("mäki ｜ nokia", text), "an OR query would have matched");
  }

  @Test
  void everyWordIsARequiredPrefixWithCaseAndAccentsFolded() throws Exception {
    assertTrue(matches("MAKI hels", "Mäkinen Oy (Helsinki)"));
    assertTrue(matches("jorgen", "Jørgen Ås"));
    assertFalse(matches("mäki tampere", "Mäkinen Oy (Helsinki)"));
  }

  @Test
  void textWithoutALetterOrDigitIsNoSearch() {
    for (String typed : List.of("｜", "¡ ! ( )", "'’", "&&")) {
      SearchTerms.Parsed parsed = SearchTerms.parse(typed, "q");
      assertEquals("search.empty", parsed.problems().get(0).code(), typed);
    }
  }

  private static boolean matches(String typed, String text) throws SQLException {
    SearchTerms.Parsed parsed = SearchTerms.parse(typed, "q");
    assertTrue(parsed.problems().isEmpty(), typed + ": " + parsed.problems());
    String sql =
        "SELECT to_tsvector('simple'::regconfig, relata.search_text(?)) @@ "
            + SearchTerms.CONDITION.substring("\"_search\" @@ ".length());
    try (Connection connection = postgres.dataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, text);
      statement.setArray(
          2, connection.createArrayOf("text", parsed.query().orElseThrow().toArray()));
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getBoolean(1);
      }
    }
  }
}
