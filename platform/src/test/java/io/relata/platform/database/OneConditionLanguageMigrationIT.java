package io.relata.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Stored documents written before the one condition language are rewritten in it. */
class OneConditionLanguageMigrationIT {

  private static Flyway flyway(DataSource dataSource, String target) {
    return Flyway.configure()
        .dataSource(dataSource)
        .schemas("relata")
        .createSchemas(true)
        .locations("classpath:io/relata/platform/database/migration")
        .target(target)
        .load();
  }

  @Test
  void formulasAndRulesOfEveryRevisionAreRewrittenAndTheRestIsKept() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      DataSource dataSource = postgres.getPostgresDatabase();
      flyway(dataSource, "14").migrate();
      String objects =
          "[{\"name\":\"deal\",\"fields\":["
              + "{\"name\":\"total\",\"type\":\"formula\",\"expression\":"
              + "\"if(stage == 'won', amount, 0)\"},"
              + "{\"name\":\"title\",\"type\":\"text\",\"description\":\"a == 'b'\"}],"
              + "\"validationRules\":[{\"name\":\"r\",\"condition\":"
              + "\"contains(title, 'x') implies amount != null\"},"
              + "{\"name\":\"s\",\"condition\":\"stage = \\\"won\\\"\"}],"
              + "\"listViews\":[{\"name\":\"v\",\"filter\":\"stage = \\\"won\\\"\"}]}]";
      try (Connection connection = dataSource.getConnection()) {
        UUID author = UUID.randomUUID();
        connection
            .createStatement()
            .execute(
                "INSERT INTO relata.app_user (id, username, password_hash, created_at) VALUES ('"
                    + author
                    + "', 'admin', 'x', now())");
        for (int number = 1; number <= 2; number++) {
          connection
              .createStatement()
              .execute(
                  "INSERT INTO relata.metadata_revision (number, created_at, author_id, objects)"
                      + " VALUES ("
                      + number
                      + ", now(), '"
                      + author
                      + "', '"
                      + objects.replace("'", "''")
                      + "')");
        }
      }

      flyway(dataSource, "latest").migrate();

      try (Connection connection = dataSource.getConnection();
          ResultSet rows =
              connection
                  .createStatement()
                  .executeQuery(
                      "SELECT documents->'objects'->0->'fields'->0->>'expression',"
                          + " documents->'objects'->0->'fields'->1->>'description',"
                          + " documents->'objects'->0->'validationRules'->0->>'condition',"
                          + " documents->'objects'->0->'validationRules'->1->>'condition',"
                          + " documents->'objects'->0->'listViews'->0->>'filter'"
                          + " FROM relata.metadata_revision ORDER BY number")) {
        for (int revision = 1; revision <= 2; revision++) {
          rows.next();
          assertEquals("if(stage = \"won\", amount, 0)", rows.getString(1));
          assertEquals("a == 'b'", rows.getString(2));
          assertEquals("title contains \"x\" implies amount != null", rows.getString(3));
          assertEquals("stage = \"won\"", rows.getString(4));
          assertEquals("stage = \"won\"", rows.getString(5));
        }
      }
    }
  }
}
