package io.relata.ui.setup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import io.relata.metadata.model.CompiledModel;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** What a permission set's form has beyond its meta-schema: its object rights as a matrix. */
final class PermissionSetAssist implements SchemaForm.Assist {

  private final CompiledModel model;
  private final Function<String, String> texts;
  private final SchemaForm.Assist names;

  PermissionSetAssist(
      CompiledModel model, Function<String, String> texts, SchemaForm.Assist names) {
    this.model = model;
    this.texts = texts;
    this.names = names;
  }

  @Override
  public Optional<Component> editor(String pointer, ObjectNode parent) {
    if (!pointer.equals("/objects")) {
      return Optional.empty();
    }
    String label = texts.apply("setup.property.objects");
    return Optional.of(new PermissionMatrix(parent, model, texts, label));
  }

  @Override
  public Optional<Supplier<Map<String, String>>> names(String pointer) {
    return names.names(pointer);
  }
}
