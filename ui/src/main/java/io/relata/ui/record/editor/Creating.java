package io.relata.ui.record.editor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.platform.json.JsonCodec;

/**
 * A lookup with a "new" beside it: the record it should point at is created in a dialog and chosen
 * at once. Everything else is the lookup's.
 */
final class Creating implements FieldEditor {

  private final FieldEditor lookup;
  private final HorizontalLayout shown;
  private final Button create;

  Creating(FieldEditor lookup, ObjectDefinition target, QuickCreator creator) {
    this.lookup = lookup;
    create = new Button(VaadinIcon.PLUS.create());
    create.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
    create.getElement().setAttribute("data-create", lookup.field().name());
    create.setAriaLabel(
        create.getTranslation("lookup.new", io.relata.ui.screen.Labels.singular(target)));
    create.setTooltipText(
        create.getTranslation("lookup.new", io.relata.ui.screen.Labels.singular(target)));
    create.addClickListener(
        e ->
            creator.create(
                target,
                record -> {
                  ObjectNode value = JsonCodec.object();
                  value.set(lookup.field().name(), record);
                  lookup.read(value);
                  markChanged();
                }));
    shown = new HorizontalLayout(lookup.component(), create);
    shown.setSpacing(false);
    shown.setAlignItems(FlexComponent.Alignment.BASELINE);
    shown.expand(lookup.component());
    shown.addClassName("relata-lookup");
  }

  /** A value chosen by creating it is the user's change, though it was read in. */
  private boolean chosen;

  private void markChanged() {
    chosen = true;
  }

  @Override
  public FieldDefinition field() {
    return lookup.field();
  }

  @Override
  public Component component() {
    return shown;
  }

  @Override
  public void read(JsonNode record) {
    chosen = false;
    lookup.read(record);
  }

  @Override
  public JsonNode value() {
    return lookup.value();
  }

  @Override
  public boolean changed() {
    return chosen || lookup.changed();
  }

  @Override
  public void setReadOnly(boolean readOnly) {
    lookup.setReadOnly(readOnly);
    create.setVisible(!readOnly);
  }

  @Override
  public void setError(String message) {
    lookup.setError(message);
  }
}
