package io.relata.platform.record;

import static io.relata.metadata.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.relata.metadata.condition.ConditionParser;
import io.relata.platform.identity.Actor;
import io.relata.platform.query.RecordQuery;
import io.relata.platform.rest.InvalidRequestException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A field type a plugin adds (the tests' {@code test__rating}, 1 to the field's number of stars)
 * gets its column, its checks, its filters and its sort from the same registry as the built-ins.
 */
class PluginFieldTypeIT {

  private static RecordsOnPostgres postgres;
  private static RecordService records;
  private static Actor admin;

  @BeforeAll
  static void start() throws Exception {
    postgres =
        RecordsOnPostgres.start(
            List.of(
                json(
                    "{'name':'review','label':'Review','nameField':'title','fields':["
                        + "{'name':'title','label':'Title','type':'text'},"
                        + "{'name':'rating','label':'Rating','type':'test__rating',"
                        + "'options':{'stars':10}}]}")),
            List.of(),
            Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC));
    admin = postgres.user("admin", "administrator");
    records = postgres.service(List.of());
    for (Object[] review : new Object[][] {{"Fine", 6}, {"Superb", 9}, {"Poor", 2}}) {
      records.create(
          postgres.context(admin),
          "review",
          RecordInput.of(Map.of("title", review[0], "rating", new BigDecimal((int) review[1]))));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void theTypesColumnChecksFiltersAndSortComeFromTheRegistry() throws Exception {
    assertEquals(
        "numeric",
        postgres.query(
            "SELECT data_type FROM information_schema.columns"
                + " WHERE table_name = 'review' AND column_name = 'rating'"));
    assertEquals(
        2,
        ((Number)
                postgres.query(
                    "SELECT numeric_precision FROM information_schema.columns"
                        + " WHERE table_name = 'review' AND column_name = 'rating'"))
            .intValue());

    InvalidRequestException tooMany =
        assertThrows(
            InvalidRequestException.class,
            () ->
                records.create(
                    postgres.context(admin),
                    "review",
                    RecordInput.of(Map.of("title", "Wow", "rating", new BigDecimal(11)))));
    assertEquals("/rating", tooMany.violations().get(0).pointer());

    RecordLists.Page page =
        records.list(
            admin,
            "review",
            new RecordQuery(
                Optional.of(ConditionParser.parse("rating >= 5")),
                Optional.empty(),
                Optional.of("-rating"),
                Optional.empty(),
                50,
                Optional.empty(),
                List.of(),
                false),
            false);
    assertEquals(
        List.of("Superb", "Fine"),
        page.items().stream().map(i -> i.get("title").asText()).toList());
  }
}
