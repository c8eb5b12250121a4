package io.relata.ui.record.editor;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.vaadin.flow.component.textfield.TextArea;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.ui.format.Texts;

/**
 * Rich text, edited for now as paragraphs of plain text: each line a paragraph, HTML special
 * characters escaped; a stored value's markup shown as its text. The platform sanitises whatever
 * arrives. A formatting toolbar (a free editor loaded as a static resource) is still to come.
 */
final class RichTextEditor {

  private RichTextEditor() {}

  static FieldEditor of(FieldDefinition field) {
    TextArea area = new TextArea();
    area.addClassName("relata-rich-text");
    return new Bound<>(
        field,
        area,
        json -> Texts.plain(json.asText()),
        text -> JsonNodeFactory.instance.textNode(Texts.html(text)));
  }
}
