package io.relata.ui.record.editor;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.relata.metadata.definition.FieldDefinition;

/**
 * Rich text in a formatting editor ({@link RichTextField}); the value is the editor's HTML, which
 * the platform sanitises on every write.
 */
final class RichTextEditor {

  private RichTextEditor() {}

  static FieldEditor of(FieldDefinition field) {
    return new Bound<>(
        field,
        new RichTextField(),
        json -> json.asText(),
        html -> JsonNodeFactory.instance.textNode(html));
  }
}
