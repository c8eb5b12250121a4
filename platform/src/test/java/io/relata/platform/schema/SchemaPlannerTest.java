package io.relata.platform.schema;

import static io.relata.metadata.Fixtures.definition;
import static io.relata.metadata.Fixtures.field;
import static io.relata.metadata.Fixtures.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.change.ModelDiff;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.problem.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plans without a database: the data is what {@link Stats} says it is. */
class SchemaPlannerTest {

  /**
   * A table of {@code rows} rows, every column full, every value distinct and short, every link
   * live; with what is set aside of it, by revision.
   */
  private record Stats(
      long rows,
      Map<Long, FieldDefinition> fieldsAside,
      Map<Long, ObjectDefinition> objectsAside,
      java.util.Set<String> existing)
      implements TableStats {

    Stats(long rows) {
      this(rows, Map.of(), Map.of());
    }

    Stats(
        long rows,
        Map<Long, FieldDefinition> fieldsAside,
        Map<Long, ObjectDefinition> objectsAside) {
      this(rows, fieldsAside, objectsAside, java.util.Set.of());
    }

    @Override
    public long rows(String object) {
      return rows;
    }

    @Override
    public long values(String object, String column) {
      return rows;
    }

    @Override
    public long duplicates(String object, String column) {
      return 0;
    }

    @Override
    public long longerThan(String object, String column, int length) {
      return 0;
    }

    @Override
    public java.util.Set<String> indexes(String object) {
      return existing;
    }

    @Override
    public long dangling(String object, String column, String target) {
      return 0;
    }

    @Override
    public Map<Long, FieldDefinition> fieldSetAside(String object, String field) {
      Map<Long, FieldDefinition> found = new java.util.HashMap<>(fieldsAside);
      found.values().removeIf(f -> !f.name().equals(field));
      return found;
    }

    @Override
    public Map<Long, ObjectDefinition> objectSetAside(String object) {
      Map<Long, ObjectDefinition> found = new java.util.HashMap<>(objectsAside);
      found.values().removeIf(o -> !o.name().equals(object));
      return found;
    }
  }

  private final ObjectNode before = object("account");
  private final ObjectNode after = object("account");

  private SchemaPlan plan(long rows) {
    List<ObjectDefinition> old = List.of(definition(before));
    List<ObjectDefinition> now = List.of(definition(after));
    return SchemaPlanner.plan(2, ModelDiff.between(old, now), now, new Stats(rows));
  }

  /** The plan's steps but those that keep the search column. */
  private static List<SchemaStep> withoutSearch(SchemaPlan plan) {
    return plan.steps().stream().filter(s -> !s.sql().contains("_search")).toList();
  }

  @Test
  void aNewObjectIsATableWithSystemColumnsAndItsIndexes() {
    SchemaPlan plan =
        SchemaPlanner.plan(
            2,
            ModelDiff.between(List.of(), List.of(definition(before))),
            List.of(definition(before)),
            new Stats(0));

    assertEquals(
        List.of(
            "schema.create-table",
            "schema.search-function",
            "schema.search-trigger",
            "schema.create-index",
            "schema.create-index",
            "schema.create-index",
            "schema.create-index"),
        plan.steps().stream().map(SchemaStep::code).toList());
    String create = plan.steps().get(0).sql();
    assertTrue(
        create.startsWith("CREATE TABLE \"records\".\"account\" (\"id\" uuid PRIMARY KEY"), create);
    assertTrue(create.contains("\"account_name\" varchar(255) NOT NULL"), create);
    assertTrue(create.endsWith(", \"_search\" tsvector)"), create);
    assertTrue(
        plan.steps()
            .get(1)
            .sql()
            .contains(
                "NEW.\"_search\" := setweight(to_tsvector('simple'::regconfig,"
                    + " relata.search_text(coalesce(NEW.\"account_name\"::text, ''))), 'A')"),
        plan.steps().get(1).sql());
    assertTrue(plan.steps().stream().noneMatch(SchemaStep::deferred), "a new table is empty");
    assertFalse(plan.destructive());
  }

  @Test
  void removingAnObjectSetsItsTableAsideWithTheRecordsAboutItsRecords() {
    ObjectNode activity =
        (ObjectNode)
            io.relata.metadata.Fixtures.json(
                "{'name':'activity','label':'Activity','nameField':'subject','fields':["
                    + "{'name':'subject','label':'Subject','type':'text'},"
                    + "{'name':'about','label':'About','type':'about'}]}");
    List<ObjectDefinition> old = List.of(definition(before), definition(activity));
    List<ObjectDefinition> now = List.of(definition(activity));

    SchemaPlan plan = SchemaPlanner.plan(2, ModelDiff.between(old, now), now, new Stats(3));

    assertEquals(
        List.of(
            new SchemaStep(
                "COMMENT ON TABLE \"records\".\"account\" IS 'set aside by revision 2'",
                SchemaPlanner.SET_ASIDE_TABLE,
                List.of("account", "3"),
                true)),
        plan.steps(),
        "the table, its search and the activities about its records stay until erased");
  }

  @Test
  void droppingAFieldSetsItsColumnAsideAndSaysHowManyValues() {
    ((ArrayNode) before.get("fields"))
        .addObject()
        .put("name", "notes")
        .put("label", "Notes")
        .put("type", "long-text");

    SchemaPlan plan = plan(1234);

    assertEquals(
        List.of(
            new SchemaStep(
                "ALTER TABLE \"records\".\"account\" RENAME COLUMN \"notes\" TO \"_aside_2_notes\"",
                SchemaPlanner.SET_ASIDE_COLUMN,
                List.of("account", "notes", "1234"),
                true)),
        withoutSearch(plan));
    assertTrue(plan.destructive());
  }

  @Test
  void aDroppedRequiredLinkLetsGoOfWhatWouldStopSaves() {
    ((ArrayNode) before.get("fields"))
        .addObject()
        .put("name", "parent")
        .put("label", "Parent")
        .put("type", "lookup")
        .put("target", "account")
        .put("required", true);

    assertEquals(
        List.of(
            "ALTER TABLE \"records\".\"account\" DROP CONSTRAINT IF EXISTS \"account_parent_fkey\"",
            "DROP INDEX IF EXISTS \"records\".\"account_parent_idx\"",
            "ALTER TABLE \"records\".\"account\" ALTER COLUMN \"parent\" DROP NOT NULL",
            "ALTER TABLE \"records\".\"account\" RENAME COLUMN \"parent\" TO \"_aside_2_parent\""),
        withoutSearch(plan(10)).stream().map(SchemaStep::sql).toList());
  }

  @Test
  void aRestoredFieldGetsItsColumnBackAsItWas() {
    ObjectNode deleted =
        ((ArrayNode) after.get("fields"))
            .addObject()
            .put("name", "tier")
            .put("label", "Tier")
            .put("type", "text")
            .put("required", true)
            .put("indexed", true);
    FieldDefinition stored = definition(after).field("tier").orElseThrow();
    deleted.put("restoredFrom", 7);
    List<ObjectDefinition> old = List.of(definition(before));
    List<ObjectDefinition> now = List.of(definition(after));
    Map<Long, FieldDefinition> aside = Map.of(7L, stored);

    SchemaPlan plan =
        SchemaPlanner.plan(9, ModelDiff.between(old, now), now, new Stats(40, aside, Map.of()));

    assertEquals(Map.of(), plan.refused());
    assertEquals(
        List.of(
            "ALTER TABLE \"records\".\"account\" RENAME COLUMN \"_aside_7_tier\" TO \"tier\"",
            "ALTER TABLE \"records\".\"account\" ALTER COLUMN \"tier\" SET NOT NULL",
            "CREATE INDEX IF NOT EXISTS \"account_tier_idx\" ON \"records\".\"account\" (\"tier\")"),
        withoutSearch(plan).stream().map(SchemaStep::sql).toList());
    assertEquals(List.of("account", "tier", "40", "tier", "7"), withoutSearch(plan).get(0).args());
    assertTrue(
        plan.steps().stream().anyMatch(s -> s.code().equals("schema.refresh-search")),
        "its words come back to search");

    deleted.put("type", "number");
    SchemaPlan retyped =
        SchemaPlanner.plan(
            9,
            ModelDiff.between(old, List.of(definition(after))),
            List.of(definition(after)),
            new Stats(40, aside, Map.of()));
    assertEquals(
        List.of(
            Problem.at(
                "/fields/1/restoredFrom", "field.restore-other-type", "tier", "text", "number")),
        retyped.refused().get("account"));

    deleted.put("type", "text").put("restoredFrom", 8);
    SchemaPlan gone =
        SchemaPlanner.plan(
            9,
            ModelDiff.between(old, List.of(definition(after))),
            List.of(definition(after)),
            new Stats(40, aside, Map.of()));
    assertEquals(
        List.of(Problem.at("/fields/1/restoredFrom", "field.not-restorable", "tier", 8L)),
        gone.refused().get("account"),
        "a deletion whose values were erased, or never was");
  }

  @Test
  void everythingADeletedFieldHeldIsSetAsideUnderNamesOfItsOwn() {
    String longName = "a".repeat(55);
    ((ArrayNode) before.get("fields"))
        .addObject()
        .put("name", longName)
        .put("label", "Amount")
        .put("type", "currency")
        .put("perRecord", true);
    ((ArrayNode) before.get("fields"))
        .addObject()
        .put("name", "regarding")
        .put("label", "Regarding")
        .put("type", "about");

    List<String> sql = withoutSearch(plan(10)).stream().map(SchemaStep::sql).toList();

    assertTrue(
        sql.contains("DROP INDEX IF EXISTS \"records\".\"account_regarding_idx\""),
        "an about field's index goes too, or a new field of the name would find it taken: " + sql);
    String amount = sql.stream().filter(q -> q.contains(longName)).findFirst().orElseThrow();
    List<String> asideNames =
        java.util.regex.Pattern.compile("TO \"([^\"]+)\"")
            .matcher(amount)
            .results()
            .map(m -> m.group(1))
            .toList();
    assertEquals(2, asideNames.size(), amount);
    assertFalse(asideNames.get(0).equals(asideNames.get(1)), "value and currency apart: " + amount);
    assertTrue(asideNames.stream().allMatch(n -> n.length() <= 63), amount);
  }

  @Test
  void aLinkComesBackOnlyToTheObjectItLinkedTo() {
    ObjectNode deleted =
        ((ArrayNode) after.get("fields"))
            .addObject()
            .put("name", "parent")
            .put("label", "Parent")
            .put("type", "lookup")
            .put("target", "account");
    FieldDefinition stored = definition(after).field("parent").orElseThrow();
    deleted.put("restoredFrom", 7).put("target", "contact");
    ObjectNode contact = object("account").put("name", "contact");
    List<ObjectDefinition> now = List.of(definition(after), definition(contact));

    SchemaPlan plan =
        SchemaPlanner.plan(
            9,
            ModelDiff.between(List.of(definition(before), definition(contact)), now),
            now,
            new Stats(40, Map.of(7L, stored), Map.of()));

    assertEquals(
        List.of(
            Problem.at(
                "/fields/1/restoredFrom",
                "field.restore-other-target",
                "parent",
                "account",
                "contact")),
        plan.refused().get("account"));
  }

  @Test
  void aDeletedObjectKeepsItsNameUntilRestoredOrErased() {
    Map<Long, ObjectDefinition> aside = Map.of(5L, definition(before));
    List<ObjectDefinition> now = List.of(definition(after));

    SchemaPlan created =
        SchemaPlanner.plan(
            9, ModelDiff.between(List.of(), now), now, new Stats(0, Map.of(), aside));
    assertEquals(
        List.of(Problem.at("/name", "object.name-set-aside", "account", 5L)),
        created.refused().get("account"));

    after.put("restoredFrom", 5);
    List<ObjectDefinition> restoring = List.of(definition(after));
    SchemaPlan restored =
        SchemaPlanner.plan(
            9, ModelDiff.between(List.of(), restoring), restoring, new Stats(12, Map.of(), aside));
    assertEquals(Map.of(), restored.refused());
    assertEquals(
        List.of(
            new SchemaStep(
                "COMMENT ON TABLE \"records\".\"account\" IS NULL",
                SchemaPlanner.RESTORE_TABLE,
                List.of("account", "12", "5"),
                false)),
        restored.steps(),
        "its table, indexes and search words are as they were");
  }

  @Test
  void anotherNameFieldOrSortReplacesItsIndex() {
    for (ObjectNode doc : List.of(before, after)) {
      ((ArrayNode) doc.get("fields"))
          .addObject()
          .put("name", "code")
          .put("label", "Code")
          .put("type", "text");
    }
    before
        .putArray("listViews")
        .addObject()
        .put("name", "all")
        .put("label", "All")
        .putArray("sort")
        .add("account_name");
    ((ObjectNode) before.get("listViews").get(0)).putArray("columns").add("account_name");
    after.set("listViews", before.get("listViews").deepCopy());
    after.put("nameField", "code");
    ((ArrayNode) after.get("listViews").get(0).get("sort")).removeAll().add("-code");
    List<ObjectDefinition> old = List.of(definition(before));
    List<ObjectDefinition> now = List.of(definition(after));
    java.util.Set<String> built =
        java.util.Set.of("account_account_name_name_idx", "account_all_view");

    SchemaPlan plan =
        SchemaPlanner.plan(
            2, ModelDiff.between(old, now), now, new Stats(50, Map.of(), Map.of(), built));

    assertEquals(
        List.of(
            "DROP INDEX IF EXISTS \"records\".\"account_account_name_name_idx\"",
            "DROP INDEX IF EXISTS \"records\".\"account_all_view\"",
            "CREATE INDEX IF NOT EXISTS \"account_code_name_idx\" ON \"records\".\"account\" (\"code\", \"id\")",
            "CREATE INDEX IF NOT EXISTS \"account_all_view\" ON \"records\".\"account\" (\"code\" DESC, \"id\" DESC)"),
        withoutSearch(plan).stream().map(SchemaStep::sql).toList());
  }

  @Test
  void aConfirmationHoldsForTheSameDeletionWhateverTheRevisionAndCounts() {
    ((ArrayNode) before.get("fields"))
        .addObject()
        .put("name", "notes")
        .put("label", "Notes")
        .put("type", "long-text");
    List<ObjectDefinition> old = List.of(definition(before));
    List<ObjectDefinition> now = List.of(definition(after));

    String first =
        SchemaPlanner.plan(2, ModelDiff.between(old, now), now, new Stats(10)).fingerprint();
    String later =
        SchemaPlanner.plan(3, ModelDiff.between(old, now), now, new Stats(11)).fingerprint();
    assertEquals(first, later);

    ((ArrayNode) before.get("fields"))
        .addObject()
        .put("name", "tier")
        .put("label", "Tier")
        .put("type", "text");
    List<ObjectDefinition> more = List.of(definition(before));
    assertFalse(
        first.equals(
            SchemaPlanner.plan(3, ModelDiff.between(more, now), now, new Stats(10)).fingerprint()),
        "another field deleted too: another plan to confirm");
  }

  @Test
  void aRequiredFieldOnAFilledTableNeedsADefault() {
    ((ArrayNode) after.get("fields"))
        .addObject()
        .put("name", "tier")
        .put("label", "Tier")
        .put("type", "number")
        .put("required", true);

    assertEquals(
        Map.of(
            "account",
            List.of(Problem.at("/fields/1/required", "field.required-needs-default", 10))),
        plan(10).refused());
    assertEquals(Map.of(), plan(0).refused(), "an empty table needs none");
  }

  @Test
  void widerTextIsSafeNarrowerNumbersAreNot() {
    field(after, "account_name").put("maxLength", 500);
    assertEquals(
        List.of(
            "ALTER TABLE \"records\".\"account\" ALTER COLUMN \"account_name\" TYPE varchar(500) USING \"account_name\"::varchar(500)"),
        withoutSearch(plan(5)).stream().map(SchemaStep::sql).toList());

    ((ArrayNode) before.get("fields"))
        .addObject()
        .put("name", "score")
        .put("label", "Score")
        .put("type", "number")
        .put("precision", 10)
        .put("scale", 2);
    ((ArrayNode) after.get("fields"))
        .addObject()
        .put("name", "score")
        .put("label", "Score")
        .put("type", "number")
        .put("precision", 6)
        .put("scale", 2);
    assertEquals("field.unsafe-retype", plan(5).refused().get("account").get(0).code());
  }

  @Test
  void aRenameKeepsTheColumnAndRenamesItsIndexes() {
    field(after, "account_name").put("name", "company_name").put("renamedFrom", "account_name");
    after.put("nameField", "company_name");

    SchemaPlan plan = plan(100);

    assertEquals(
        "ALTER TABLE \"records\".\"account\" RENAME COLUMN \"account_name\" TO \"company_name\"",
        withoutSearch(plan).get(0).sql());
    assertFalse(plan.destructive());
  }

  @Test
  void theSearchTriggerFollowsChangesToSearchedFieldsWithoutARewrite() {
    ((ArrayNode) after.get("fields"))
        .addObject()
        .put("name", "notes")
        .put("label", "Notes")
        .put("type", "long-text");
    assertEquals(
        List.of("schema.add-column", "schema.search-function"),
        plan(5).steps().stream().map(SchemaStep::code).toList(),
        "an empty field adds no words: the records stored before keep theirs");
    assertTrue(plan(5).steps().get(1).sql().contains("NEW.\"notes\""));

    ((ArrayNode) after.get("fields")).remove(1);
    ((ArrayNode) before.get("fields"))
        .addObject()
        .put("name", "notes")
        .put("label", "Notes")
        .put("type", "long-text");
    List<SchemaStep> small = plan(5).steps();
    assertEquals(
        List.of(SchemaPlanner.SET_ASIDE_COLUMN, "schema.search-function", "schema.refresh-search"),
        small.stream().map(SchemaStep::code).toList(),
        "a removed field's words go from the records stored before, in the change when few");
    assertEquals("UPDATE \"records\".\"account\" SET \"_search\" = NULL", small.get(2).sql());
    SchemaStep later = plan(SchemaPlanner.DEFER_ROWS + 1).steps().get(2);
    assertEquals("schema.refresh-search-later", later.code());
    assertTrue(later.deferred(), "and after the change, in batches, when many");

    field(before, "notes").put("type", "number");
    assertEquals(
        List.of(SchemaPlanner.SET_ASIDE_COLUMN),
        plan(5).steps().stream().map(SchemaStep::code).toList(),
        "a field not searched: nothing of search to do");
  }

  @Test
  void anIndexOnALargeTableIsBuiltAfterTheChangeButAKeyIsNot() {
    ((ArrayNode) after.get("fields"))
        .addObject()
        .put("name", "industry")
        .put("label", "Industry")
        .put("type", "number")
        .put("indexed", true);

    SchemaStep small = plan(SchemaPlanner.DEFER_ROWS).steps().get(1);
    assertEquals("schema.create-index", small.code());
    assertEquals(List.of("account", "industry", "10000"), small.args());
    assertFalse(small.deferred());

    SchemaStep large = plan(SchemaPlanner.DEFER_ROWS + 1).steps().get(1);
    assertEquals("schema.build-index", large.code());
    assertEquals(List.of("account", "industry", "10001"), large.args());
    assertTrue(large.deferred());
    assertEquals(
        "CREATE INDEX CONCURRENTLY IF NOT EXISTS \"account_industry_idx\" ON"
            + " \"records\".\"account\" (\"industry\")",
        large.sql());

    field(after, "industry").put("indexed", false).put("unique", true);
    SchemaStep key = plan(SchemaPlanner.DEFER_ROWS + 1).steps().get(1);
    assertEquals("schema.create-unique-index", key.code());
    assertFalse(key.deferred(), "a key refuses duplicates from the change on");
  }

  @Test
  void aRollUpAddedToAFilledTableStartsFromItsChildren() {
    ((ArrayNode) after.get("fields"))
        .addObject()
        .put("name", "deals")
        .put("label", "Deals")
        .put("type", "roll-up")
        .put("object", "account")
        .put("relation", "parent")
        .put("function", "count");
    ((ArrayNode) after.get("fields"))
        .addObject()
        .put("name", "parent")
        .put("label", "Parent")
        .put("type", "lookup")
        .put("target", "account")
        .put("onDelete", "set-null");

    List<SchemaStep> steps = plan(7).steps();

    SchemaStep fill =
        steps.stream()
            .filter(s -> s.code().equals("schema.fill-roll-up"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        "UPDATE \"records\".\"account\" AS parent SET \"deals\" = (SELECT count(*) FROM"
            + " \"records\".\"account\" AS child WHERE child.\"parent\" = parent.\"id\" AND"
            + " child.\"deleted_at\" IS NULL)",
        fill.sql());
    assertTrue(
        steps.indexOf(fill)
            > steps.indexOf(
                steps.stream()
                    .filter(s -> s.sql().contains("ADD COLUMN \"parent\""))
                    .findFirst()
                    .orElseThrow()));
    assertTrue(plan(0).steps().stream().noneMatch(s -> s.code().equals("schema.fill-roll-up")));
  }

  @Test
  void longDerivedNamesStayWithinPostgresLimitsAndApart() {
    String object = "o".repeat(40);
    String a = Identifiers.derived(object, "f".repeat(30) + "_a", "idx");
    String b = Identifiers.derived(object, "f".repeat(30) + "_b", "idx");

    assertTrue(a.length() <= 63 && b.length() <= 63, a + " / " + b);
    assertFalse(a.equals(b), "names that truncate alike must not collide");
    assertTrue(a.endsWith("_idx"));
  }

  @Test
  void twoOwnersOfOneDatabaseNameAreRefusedBeforeAnyDdl() {
    List<ObjectDefinition> model =
        List.of(
            definition(
                io.relata.metadata.Fixtures.json(
                    "{'name':'a','label':'A','nameField':'title','fields':["
                        + "{'name':'title','label':'Title','type':'text'},"
                        + "{'name':'b_c','label':'B C','type':'text','indexed':true}]}")),
            definition(
                io.relata.metadata.Fixtures.json(
                    "{'name':'a_b','label':'A B','nameField':'c','fields':["
                        + "{'name':'c','label':'C','type':'text','indexed':true}]}")));

    SchemaPlan plan =
        SchemaPlanner.plan(2, ModelDiff.between(List.of(), model), model, new Stats(0));

    assertEquals(
        "{a_b=[Problem[pointer=/fields/0/name, code=schema.name-collision, args=[a_b_c_idx, a.b_c]]]}",
        plan.refused().toString());
  }
}
