package io.relata.metadata.schema;

import static io.relata.metadata.Fixtures.definition;
import static io.relata.metadata.Fixtures.json;
import static io.relata.metadata.Fixtures.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import io.relata.metadata.problem.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RecordSchemaTest {

  private static final RecordSchema OPPORTUNITY =
      RecordSchema.of(definition(object("opportunity")));

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{'title': 'Fjord deal'}",
        "{'title': 'Fjord deal', 'amount': 1250.50, 'close_date': '2026-12-31', 'priority': 'high'}",
        "{'title': 'A', 'amount': null, 'notes': null, 'priority': null, 'regions': ['nordics', 'baltics']}",
        "{'title': 'A', 'local_amount': 99.99, 'local_amount_currency': 'SEK', 'discount': 12.5}",
        "{'title': 'A', 'last_contacted': '2026-11-23T10:15:30+02:00', 'strategic': true}",
        "{'title': 'A', 'contact_email': 'asa@example.se', 'contact_phone': '+46 8 123 456'}",
        "{'title': 'A', 'website': 'https://relata.io', 'stage': 'proposal', 'extra': {'any': [1, 2]}}",
        "{'title': 'A', 'account': '0b9e4d0a-3c1f-4a7e-9d2b-5f6a7b8c9d0e', 'quantity': 100000}"
      })
  void acceptsRecordsThatFit(String record) {
    assertEquals(List.of(), OPPORTUNITY.check(json(record)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{'amount': 1}| /title| schema.required",
        "{'title': null}| /title| schema.type",
        "{'title': 'A', 'number': 'OPP-1'}| /number| schema.additionalProperties",
        "{'title': 'A', 'weighted_amount': 5}| /weighted_amount| schema.additionalProperties",
        "{'title': 'A', 'id': 'x'}| /id| schema.additionalProperties",
        "{'title': 'A', 'budget': 5}| /budget| schema.additionalProperties",
        "{'title': 'Ä'}| /title| schema.pattern",
        "{'title': 'A', 'amount': '12'}| /amount| schema.type",
        "{'title': 'A', 'amount': 1.005}| /amount| schema.multipleOf",
        "{'title': 'A', 'amount': -1}| /amount| schema.minimum",
        "{'title': 'A', 'amount': 1e16}| /amount| schema.exclusiveMaximum",
        "{'title': 'A', 'discount': 100.5}| /discount| schema.maximum",
        "{'title': 'A', 'quantity': 1.5}| /quantity| schema.multipleOf",
        "{'title': 'A', 'local_amount_currency': 'sek'}| /local_amount_currency| schema.pattern",
        "{'title': 'A', 'strategic': 'yes'}| /strategic| schema.type",
        "{'title': 'A', 'close_date': '10000-01-01'}| /close_date| schema.pattern",
        "{'title': 'A', 'close_date': '2026-02-30'}| /close_date| schema.format",
        "{'title': 'A', 'last_contacted': '2026-11-23 10:15'}| /last_contacted| schema.pattern",
        "{'title': 'A', 'contact_email': 'not-an-address'}| /contact_email| schema.pattern",
        "{'title': 'A', 'website': 'javascript:alert(1)'}| /website| schema.pattern",
        "{'title': 'A', 'priority': 'urgent'}| /priority| schema.enum",
        "{'title': 'A', 'priority': 'legacy'}| /priority| schema.enum",
        "{'title': 'A', 'regions': ['nordics', 'nordics']}| /regions| schema.uniqueItems",
        "{'title': 'A', 'regions': ['asia']}| /regions/0| schema.enum",
        "{'title': 'A', 'account': 'ACME'}| /account| schema.pattern",
        "{'title': 'A', 'stage': 'negotiation'}| /stage| schema.enum",
        "{'title': 'A', 'notes': 5}| /notes| schema.type"
      })
  void refusesRecordsThatDoNotFitAtTheOffendingField(String record, String pointer, String code) {
    List<Problem> problems = OPPORTUNITY.check(json(record));
    assertTrue(
        problems.stream().anyMatch(p -> p.pointer().equals(pointer) && p.code().equals(code)),
        () -> "expected " + code + " at " + pointer + " in " + problems);
  }

  @Test
  void theDocumentIsAJsonSchema2020() {
    var doc = OPPORTUNITY.document();
    assertEquals("https://json-schema.org/draft/2020-12/schema", doc.get("$schema").asText());
    assertEquals("urn:relata:record:opportunity", doc.get("$id").asText());
    var metaSchema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    assertEquals(java.util.Set.of(), metaSchema.validate(doc));
  }
}
