package io.relata.ui.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.QueryParameters;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.Layout;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.definition.SystemFields;
import io.relata.metadata.type.FieldTypes;
import io.relata.platform.access.ObjectAccess;
import io.relata.platform.query.RecordQuery;
import io.relata.platform.record.RecordLists;
import io.relata.platform.rest.ProblemException;
import io.relata.ui.record.editor.EditorContext;
import io.relata.ui.screen.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The related lists of a record page, from the layout: the first records of each child object that
 * refer to this record, the count, a link to all of them, and "new" with the reference filled in. A
 * child object the user may not read is not shown.
 */
final class RelatedLists extends Div {

  static final int SHOWN = 5;

  RelatedLists(EditorContext context, UUID id) {
    addClassName("relata-related");
    ObjectDefinition object = context.object();
    if (object.layouts().isEmpty()) {
      return;
    }
    for (Layout.RelatedList related : object.layouts().get(0).relatedLists()) {
      context
          .view()
          .readable(related.object())
          .ifPresent(child -> add(list(context, id, child, related)));
    }
  }

  private Div list(
      EditorContext context, UUID id, ObjectDefinition child, Layout.RelatedList related) {
    ObjectAccess access = context.view().access(child);
    List<FieldDefinition> columns = new ArrayList<>();
    List<String> names = new ArrayList<>(related.columns());
    if (names.isEmpty()) {
      names.add(child.nameField());
    }
    for (String name : names) {
      SystemFields.field(child, name).filter(f -> access.visible(f.name())).ifPresent(columns::add);
    }
    List<String> fields = new ArrayList<>(columns.stream().map(FieldDefinition::name).toList());
    fields.add("id");
    List<String> expand =
        columns.stream()
            .filter(f -> FieldTypes.of(f.type()).reference() && !f.name().equals("id"))
            .map(FieldDefinition::name)
            .toList();
    String relation = related.object() + "." + related.relation();
    Div box = new Div();
    box.addClassName("relata-related-list");
    box.getElement().setAttribute("data-related", related.object());
    RecordLists.Page page;
    try {
      page =
          context
              .records()
              .related(
                  context.actor(),
                  context.object().name(),
                  id,
                  relation,
                  new RecordQuery(
                      Optional.empty(),
                      Optional.empty(),
                      Optional.empty(),
                      Optional.of(fields),
                      SHOWN,
                      Optional.empty(),
                      expand,
                      true));
    } catch (ProblemException refused) {
      return box; // the relation is out of the user's sight: no list
    }
    long count = page.total().map(RecordLists.Total::count).orElse((long) page.items().size());
    H3 title =
        new H3(
            Labels.plural(child)
                + " ("
                + context.values().number(java.math.BigDecimal.valueOf(count), 0)
                + ")");
    Anchor all =
        new Anchor(
            "o/"
                + child.name()
                + "?"
                + QueryParameters.simple(Map.of("filter", related.relation() + " = \"" + id + "\""))
                    .getQueryString(),
            getTranslation("related.all"));
    HorizontalLayout header = new HorizontalLayout(title, all);
    header.setAlignItems(FlexComponent.Alignment.BASELINE);
    if (access.rights().create()) {
      Button create = new Button(getTranslation("related.new"), VaadinIcon.PLUS.create());
      create.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
      create.getElement().setAttribute("data-related-new", related.object());
      create.addClickListener(
          e ->
              UI.getCurrent()
                  .navigate(
                      "o/" + child.name() + "/new",
                      QueryParameters.simple(Map.of(related.relation(), id.toString()))));
      header.add(create);
    }
    header.addClassName("relata-related-header");
    box.add(header);
    if (page.items().isEmpty()) {
      Span none = new Span(getTranslation("related.none"));
      none.addClassName("relata-muted");
      box.add(none);
      return box;
    }
    box.add(table(context, child, columns, page.items()));
    return box;
  }

  /**
   * The few records of a related list as a plain table: a grid's scrolling and lazy loading are for
   * long lists, and three grids were a large part of a record page's time in the browser.
   */
  private static Div table(
      EditorContext context,
      ObjectDefinition child,
      List<FieldDefinition> columns,
      List<ObjectNode> rows) {
    NativeTable table = new NativeTable();
    table.addClassName("relata-related-table");
    NativeTableRow head = table.getHead().addRow();
    for (FieldDefinition field : columns) {
      NativeTableHeaderCell cell = head.addHeaderCell();
      cell.setText(Labels.field(field));
      cell.getElement().setAttribute("scope", "col");
      cell.getElement().setAttribute("data-field", field.name());
    }
    for (ObjectNode row : rows) {
      NativeTableRow line = table.getBody().addRow();
      for (FieldDefinition field : columns) {
        String text = context.values().text(child, field, row);
        com.vaadin.flow.component.Component value =
            field.name().equals(child.nameField())
                ? new Anchor("o/" + child.name() + "/" + row.path("id").asText(), text)
                : new Span(text);
        value.getElement().setAttribute("data-field", field.name());
        line.addDataCell().add(value);
      }
    }
    Div scroller = new Div(table);
    scroller.addClassName("relata-related-scroller");
    return scroller;
  }
}
