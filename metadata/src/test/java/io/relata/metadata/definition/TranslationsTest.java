package io.relata.metadata.definition;

import static io.relata.metadata.Fixtures.field;
import static io.relata.metadata.Fixtures.json;
import static io.relata.metadata.Fixtures.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.change.Change;
import io.relata.metadata.change.ModelDiff;
import io.relata.metadata.origin.Origin;
import io.relata.metadata.schema.MetaSchema;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Labels carry their translations; a language without one shows the label. */
class TranslationsTest {

  @Test
  void labelsAreReadInTheUsersLanguageOrAsTheyAre() {
    ObjectNode doc = object("opportunity");
    doc.set("labels", json("{'sv':'Affärsmöjlighet'}"));
    doc.set("pluralLabels", json("{'sv':'Affärsmöjligheter'}"));
    field(doc, "amount").set("labels", json("{'sv':'Belopp','fi':'Summa'}"));
    ((ObjectNode) doc.path("pipeline").path("stages").get(0))
        .set("labels", json("{'sv':'Prospektering'}"));
    ((ObjectNode) field(doc, "priority").path("values").get(0)).set("labels", json("{'da':'Høj'}"));
    assertEquals(List.of(), MetaSchema.OBJECT.check(Origin.content(doc)));

    ObjectDefinition read = DefinitionReader.object(doc);
    Locale swedish = Locale.forLanguageTag("sv-SE");
    assertEquals("Affärsmöjlighet", read.labels().in(swedish, read.label()));
    assertEquals("Affärsmöjligheter", read.pluralLabels().in(swedish, read.pluralLabel()));
    FieldDefinition amount = read.field("amount").orElseThrow();
    assertEquals("Summa", amount.labels().in(Locale.forLanguageTag("fi"), amount.label()));
    assertEquals("Amount", amount.labels().in(Locale.ENGLISH, amount.label()));
    Pipeline.Stage first = read.pipeline().orElseThrow().stages().get(0);
    assertEquals("Prospektering", first.labels().in(swedish, first.label()));
    PicklistValue high =
        ((FieldType.Picklist) read.field("priority").orElseThrow().type()).values().get(0);
    assertEquals("Høj", high.labels().in(Locale.forLanguageTag("da"), high.label()));
  }

  @Test
  void layoutSectionsAndListViewsAreTranslatedToo() {
    ObjectNode doc = object("opportunity");
    doc.set(
        "layouts",
        json(
            "[{'name':'standard','label':'Opportunity','sections':[{'label':'Plan',"
                + "'labels':{'sv':'Planering'},'fields':['amount']}]}]"));
    doc.set(
        "listViews",
        json(
            "[{'name':'big','label':'Big deals','labels':{'fi':'Isot kaupat'},"
                + "'columns':['amount']}]"));
    assertEquals(List.of(), MetaSchema.OBJECT.check(Origin.content(doc)));

    ObjectDefinition read = DefinitionReader.object(doc);
    Layout.Section plan = read.layouts().get(0).sections().get(0);
    assertEquals("Planering", plan.labels().in(Locale.forLanguageTag("sv"), plan.label()));
    assertEquals("Plan", plan.labels().in(Locale.forLanguageTag("da"), plan.label()));
    ListView big = read.listViews().get(0);
    assertEquals("Isot kaupat", big.labels().in(Locale.forLanguageTag("fi"), big.label()));
  }

  @Test
  void aTranslationIsAChangeOfTheObject() {
    ObjectNode doc = object("opportunity");
    ObjectNode translated = doc.deepCopy();
    field(translated, "amount").set("labels", json("{'sv':'Belopp'}"));
    translated.set("labels", json("{'sv':'Affärsmöjlighet'}"));
    List<Change> changes =
        ModelDiff.between(
            List.of(DefinitionReader.object(doc)), List.of(DefinitionReader.object(translated)));
    assertTrue(
        changes.stream().anyMatch(Change.FieldChanged.class::isInstance), changes.toString());
    assertTrue(
        changes.stream().anyMatch(Change.ObjectChanged.class::isInstance), changes.toString());
  }

  @Test
  void languagesAreNamedByTheirTwoLetterCodes() {
    ObjectNode doc = object("opportunity");
    doc.set("labels", json("{'swedish':'Affärsmöjlighet'}"));
    assertTrue(
        MetaSchema.OBJECT.check(Origin.content(doc)).stream()
            .anyMatch(p -> p.pointer().startsWith("/labels")),
        MetaSchema.OBJECT.check(Origin.content(doc)).toString());
  }
}
