package io.relata.metadata.change;

import static io.relata.metadata.Fixtures.definition;
import static io.relata.metadata.Fixtures.field;
import static io.relata.metadata.Fixtures.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.definition.ObjectDefinition;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelDiffTest {

  private final ObjectNode account = object("account");
  private final ObjectNode changed = object("account");

  private List<Change> diff() {
    return ModelDiff.between(List.of(definition(account)), List.of(definition(changed)));
  }

  @Test
  void anUnchangedModelHasNoChanges() {
    assertEquals(List.of(), diff());
  }

  @Test
  void objectsAddedAndRemoved() {
    ObjectDefinition lead = definition(object("line_item"));
    List<Change> changes = ModelDiff.between(List.of(definition(account)), List.of(lead));

    assertEquals(
        List.of(new Change.ObjectAdded(lead), new Change.ObjectRemoved(definition(account))),
        changes);
  }

  @Test
  void fieldsAddedAndRemoved() {
    ((ArrayNode) changed.get("fields"))
        .addObject()
        .put("name", "industry")
        .put("label", "Industry")
        .put("type", "text");
    ObjectDefinition before = definition(account);
    ObjectDefinition after = definition(changed);
    assertEquals(
        List.of(new Change.FieldAdded("account", after.field("industry").orElseThrow())), diff());

    assertEquals(
        List.of(new Change.FieldRemoved("account", after.field("industry").orElseThrow())),
        ModelDiff.between(List.of(after), List.of(before)));
  }

  @Test
  void aRenameKeepsTheColumnInsteadOfDroppingIt() {
    field(changed, "account_name").put("name", "company_name").put("renamedFrom", "account_name");
    changed.put("nameField", "company_name");

    assertEquals(
        List.of(
            new Change.FieldRenamed("account", "account_name", "company_name"),
            new Change.ObjectChanged("account", Set.of("nameField"), definition(account))),
        diff());
  }

  @Test
  void aRenameWithANewTypeIsARenameAndARetype() {
    field(changed, "account_name")
        .put("name", "company_name")
        .put("renamedFrom", "account_name")
        .put("type", "long-text");
    changed.put("nameField", "company_name");

    List<Change> changes = diff();

    assertEquals(
        new Change.FieldRenamed("account", "account_name", "company_name"), changes.get(0));
    Change.FieldChanged retype = (Change.FieldChanged) changes.get(1);
    assertTrue(retype.retyped());
    assertEquals("account_name", retype.before().name());
  }

  @Test
  void optionsTellStorageChangesFromCosmeticOnes() {
    field(changed, "account_name").put("maxLength", 500);
    Change.FieldChanged longer = (Change.FieldChanged) diff().get(0);
    assertFalse(longer.retyped());
    assertTrue(longer.storageChanged());

    field(changed, "account_name").remove("maxLength");
    field(changed, "account_name").put("label", "Company");
    Change.FieldChanged relabelled = (Change.FieldChanged) diff().get(0);
    assertFalse(relabelled.storageChanged());
  }

  @Test
  void reapplyingARenamedDocumentChangesNothing() {
    field(account, "account_name").put("name", "company_name");
    account.put("nameField", "company_name");
    field(changed, "account_name").put("name", "company_name").put("renamedFrom", "account_name");
    changed.put("nameField", "company_name");

    assertEquals(List.of(), diff());
  }

  @Test
  void objectLevelPartsAreNamed() {
    changed.put("recordAccess", "read");
    changed
        .putArray("listViews")
        .addObject()
        .put("name", "all")
        .put("label", "All")
        .putArray("columns")
        .add("account_name");

    assertEquals(
        List.of(
            new Change.ObjectChanged(
                "account", Set.of("recordAccess", "listViews"), definition(account))),
        diff());
  }
}
