package io.relata.ui.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.combobox.ComboBox;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.platform.record.RecordService;
import io.relata.platform.rest.ProblemException;
import io.relata.ui.session.SignedInUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One record of an object, found by typing its name: the platform's search over what the admin may
 * read, the first twenty matches offered. Setup's live tests pick the record they run on with it.
 */
final class RecordPicker extends ComboBox<RecordPicker.Found> {

  private static final int FOUND = 20;

  /** A record found by its name. */
  record Found(UUID id, String name) {}

  private final RecordService records;
  private ObjectDefinition object;

  RecordPicker(RecordService records, String label) {
    super(label);
    this.records = records;
    setPlaceholder(getTranslation("setup.rule.type-a-name"));
    setItemLabelGenerator(Found::name);
    setItems(
        query -> {
          String typed = query.getFilter().orElse("").trim();
          int offset = query.getOffset();
          int limit = query.getLimit();
          if (object == null || typed.isEmpty() || offset >= FOUND) {
            return Stream.empty();
          }
          return find(typed).stream().skip(offset).limit(limit);
        });
  }

  /** Picks from the records of {@code object} from now on. */
  RecordPicker of(ObjectDefinition object) {
    this.object = object;
    return this;
  }

  private List<Found> find(String typed) {
    List<Found> found = new ArrayList<>();
    JsonNode hits;
    try {
      hits =
          records.search(
              SignedInUser.current().orElseThrow(),
              typed,
              Optional.of(List.of(object.name())),
              FOUND);
    } catch (ProblemException refused) {
      return found; // nothing to search for in what was typed, or nothing the admin may read
    }
    hits.path("items")
        .forEach(
            hit ->
                found.add(
                    new Found(
                        UUID.fromString(hit.path("id").asText()), hit.path("name").asText())));
    return found;
  }
}
