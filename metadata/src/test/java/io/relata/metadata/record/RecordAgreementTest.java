package io.relata.metadata.record;

import static io.relata.metadata.Fixtures.definition;
import static io.relata.metadata.Fixtures.json;
import static io.relata.metadata.Fixtures.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.schema.RecordSchema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compiled record schema and the platform's reader decide alike: the same 50 records, good and
 * bad, through both (issue 3, acceptance 4).
 */
class RecordAgreementTest {

  private static final ObjectDefinition OPPORTUNITY = definition(object("opportunity"));
  private static final RecordSchema SCHEMA = RecordSchema.of(OPPORTUNITY);
  private static final ObjectMapper EXACT =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  static Stream<Arguments> records() {
    return Stream.of(
        good("{'title': 'A'}"),
        good("{'title': 'Fjord deal', 'amount': 1250.50}"),
        good("{'title': 'A', 'amount': 0, 'discount': 100}"),
        good("{'title': 'A', 'amount': 9999999999999999.99}"),
        good("{'title': 'A', 'amount': 12.10}"),
        good("{'title': 'A', 'quantity': 100000, 'discount': 0.5}"),
        good("{'title': 'A', 'local_amount': 99.99, 'local_amount_currency': 'SEK'}"),
        good("{'title': 'A', 'local_amount_currency': null, 'local_amount': null}"),
        good("{'title': 'A', 'strategic': false}"),
        good("{'title': 'A', 'close_date': '2024-02-29'}"),
        good("{'title': 'A', 'last_contacted': '2026-11-23T10:15:30+02:00'}"),
        good("{'title': 'A', 'last_contacted': '2026-11-23T10:15:30.123456Z'}"),
        good("{'title': 'A', 'contact_email': 'asa.lind@example.se'}"),
        good("{'title': 'A', 'contact_phone': '+358 9 123 4567'}"),
        good("{'title': 'A', 'website': 'https://relata.io/kontakt'}"),
        good("{'title': 'A', 'priority': 'high', 'regions': []}"),
        good("{'title': 'A', 'regions': ['nordics', 'baltics']}"),
        good("{'title': 'A', 'account': '0b9e4d0a-3c1f-4a7e-9d2b-5f6a7b8c9d0e'}"),
        good("{'title': 'A', 'stage': 'closed_won'}"),
        good("{'title': 'A', 'extra': {'nested': [1, 'two', null]}}"),
        good("{'title': 'A', 'notes': 'Åsa, Jørgen and Mäkinen met in Malmö.'}"),
        good("{'title': 'A', 'summary': '<p>Hello</p>', 'notes': null}"),
        good("{'title': 'Deal 1, phase 2.'}"),
        good("{'title': 'A', 'reviewer': null, 'partner': null}"),
        good("{'title': 'A', 'amount': 1e2}"),
        bad("{}"),
        bad("{'title': null}"),
        bad("{'title': 5}"),
        bad("{'title': 'Ä'}"),
        bad("{'title': '" + "x".repeat(121) + "'}"),
        bad("{'title': 'A', 'number': 'OPP-1'}"),
        bad("{'title': 'A', 'weighted_amount': 1}"),
        bad("{'title': 'A', 'id': '0b9e4d0a-3c1f-4a7e-9d2b-5f6a7b8c9d0e'}"),
        bad("{'title': 'A', 'amount': '12'}"),
        bad("{'title': 'A', 'amount': 1.005}"),
        bad("{'title': 'A', 'amount': -0.01}"),
        bad("{'title': 'A', 'amount': 1e16}"),
        bad("{'title': 'A', 'amount': 1e309}"),
        bad("{'title': 'A', 'discount': 100.1}"),
        bad("{'title': 'A', 'local_amount_currency': 'sek'}"),
        bad("{'title': 'A', 'strategic': 'true'}"),
        bad("{'title': 'A', 'close_date': '2023-02-29'}"),
        bad("{'title': 'A', 'close_date': '10000-01-01'}"),
        bad("{'title': 'A', 'last_contacted': '2026-11-23T25:00:00Z'}"),
        bad("{'title': 'A', 'contact_email': 'asa at example.se'}"),
        bad("{'title': 'A', 'website': 'javascript:alert(1)'}"),
        bad("{'title': 'A', 'priority': 'legacy'}"),
        bad("{'title': 'A', 'regions': ['nordics', 'nordics']}"),
        bad("{'title': 'A', 'account': 'ACME'}"),
        bad("{'title': 'A', 'stage': 'negotiation'}"));
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("records")
  void schemaAndReaderDecideAlike(String record, boolean good) throws Exception {
    JsonNode json = EXACT.readTree(record.replace('\'', '"'));
    boolean schemaAccepts = SCHEMA.check(json).isEmpty();
    RecordReader.Result read = RecordReader.read(OPPORTUNITY, json);

    assertEquals(good, schemaAccepts, () -> "schema: " + SCHEMA.check(json));
    assertEquals(good, read.ok(), () -> "reader: " + read.problems());
  }

  @Test
  void theSetHoldsFiftyRecordsHalfOfThemBad() {
    List<Arguments> all = records().toList();
    assertEquals(50, all.size());
    assertEquals(25, all.stream().filter(a -> !(Boolean) a.get()[1]).count());
  }

  @Test
  void readValuesAreTypedForSql() {
    RecordReader.Result read =
        RecordReader.read(
            OPPORTUNITY,
            json(
                "{'title': 'A', 'amount': 12.5, 'close_date': '2026-12-31', 'regions': ['nordics'],"
                    + " 'account': '0b9e4d0a-3c1f-4a7e-9d2b-5f6a7b8c9d0e', 'notes': null}"));

    assertTrue(read.ok(), read.problems().toString());
    assertEquals(0, new BigDecimal("12.5").compareTo((BigDecimal) read.values().get("amount")));
    assertEquals(LocalDate.of(2026, 12, 31), read.values().get("close_date"));
    assertEquals(List.of("nordics"), read.values().get("regions"));
    assertEquals(
        UUID.fromString("0b9e4d0a-3c1f-4a7e-9d2b-5f6a7b8c9d0e"), read.values().get("account"));
    assertTrue(read.values().containsKey("notes") && read.values().get("notes") == null);
  }

  private static Arguments good(String record) {
    return Arguments.of(record, true);
  }

  private static Arguments bad(String record) {
    return Arguments.of(record, false);
  }
}
