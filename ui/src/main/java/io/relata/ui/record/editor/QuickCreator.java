package io.relata.ui.record.editor;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.metadata.definition.ObjectDefinition;
import java.io.Serializable;
import java.util.function.Consumer;

/**
 * Creates a record of another object without leaving the current one, for a lookup's "new": a
 * dialog with that object's form. {@code created} receives the new record as the platform stored
 * it.
 */
@FunctionalInterface
public interface QuickCreator extends Serializable {

  void create(ObjectDefinition object, Consumer<JsonNode> created);
}
