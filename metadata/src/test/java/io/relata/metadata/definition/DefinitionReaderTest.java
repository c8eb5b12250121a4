package io.relata.metadata.definition;

import static io.relata.metadata.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DefinitionReaderTest {

  @Test
  void fillsInTheDocumentedDefaults() {
    ObjectDefinition object =
        DefinitionReader.object(
            json(
                """
                {'name': 'lead', 'label': 'Lead', 'nameField': 'company',
                 'fields': [
                   {'name': 'company', 'label': 'Company', 'type': 'text'},
                   {'name': 'budget', 'label': 'Budget', 'type': 'currency', 'currency': 'SEK'},
                   {'name': 'account', 'label': 'Account', 'type': 'lookup', 'target': 'account'},
                   {'name': 'source', 'label': 'Source', 'type': 'picklist',
                    'values': [{'name': 'web', 'label': 'Web'}]}
                 ],
                 'listViews': [{'name': 'all', 'label': 'All', 'columns': ['company']}]}
                """));

    assertEquals("Lead", object.pluralLabel());
    assertEquals(RecordAccess.PRIVATE, object.recordAccess());
    FieldDefinition company = object.field("company").orElseThrow();
    assertEquals(new FieldType.Text(255, Optional.empty()), company.type());
    assertEquals(false, company.required());
    assertEquals(
        new FieldType.Currency(
            18, 2, Optional.empty(), Optional.empty(), Optional.of("SEK"), false),
        object.field("budget").orElseThrow().type());
    assertEquals(
        new FieldType.Lookup("account", OnDelete.RESTRICT),
        object.field("account").orElseThrow().type());
    assertEquals(
        new FieldType.Picklist(List.of(new PicklistValue("web", "Web", Optional.empty(), true))),
        object.field("source").orElseThrow().type());
    assertEquals(true, object.listViews().get(0).shared());
  }

  @Test
  void readsKebabCaseEnumsAndExactDecimals() {
    ObjectDefinition object =
        DefinitionReader.object(
            json(
                """
                {'name': 'deal', 'label': 'Deal', 'nameField': 'title', 'recordAccess': 'read-write',
                 'fields': [
                   {'name': 'title', 'label': 'Title', 'type': 'text'},
                   {'name': 'rate', 'label': 'Rate', 'type': 'percent', 'min': 0.05, 'max': 99.95},
                   {'name': 'account', 'label': 'Account', 'type': 'lookup', 'target': 'account',
                    'onDelete': 'set-null'}
                 ]}
                """));

    assertEquals(RecordAccess.READ_WRITE, object.recordAccess());
    assertEquals(
        new FieldType.Percent(
            5, 2, Optional.of(new BigDecimal("0.05")), Optional.of(new BigDecimal("99.95"))),
        object.field("rate").orElseThrow().type());
    assertEquals(
        OnDelete.SET_NULL,
        ((FieldType.Lookup) object.field("account").orElseThrow().type()).onDelete());
  }
}
