package io.relata.ui.dashboard;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.presentation.Widget;
import io.relata.ui.format.Values;
import java.math.BigDecimal;
import java.util.Map;

/**
 * One widget of a dashboard: its title, and its figures as a number, a table or a chart. Every
 * figure opens the list of the records behind it.
 */
final class WidgetCard extends Div {

  WidgetCard(int index, Widget widget, ObjectDefinition object, Figures figures, Values values) {
    addClassName("relata-widget");
    addClassName("relata-widget-" + widget.type().json());
    if (widget.width() == 2) {
      addClassName("relata-widget-wide");
    }
    getElement().setAttribute("data-widget", String.valueOf(index));
    getElement().setAttribute("data-type", widget.type().json());
    H3 title = new H3(io.relata.ui.screen.Labels.widget(widget));
    title.addClassName("relata-widget-title");
    Div header = new Div(title);
    header.addClassName("relata-widget-header");
    if (figures.drillable()) {
      Anchor all =
          new Anchor(list(object, figures.drill(-1, -1)), getTranslation("dashboard.open-list"));
      all.addClassName("relata-widget-link");
      header.add(all);
    }
    add(header);
    switch (widget.type()) {
      case METRIC -> add(metric(figures, values));
      case TABLE -> add(table(object, figures, values));
      default -> {
        if (figures.empty()) {
          Span none = new Span(getTranslation("dashboard.empty"));
          none.addClassName("relata-widget-empty");
          add(none);
        } else {
          add(
              new Chart(
                  ChartOptions.of(widget, figures),
                  ChartOptions.formatted(figures, values),
                  (category, series) -> {
                    if (figures.drillable()) {
                      UI.getCurrent()
                          .navigate(
                              "o/" + object.name(),
                              QueryParameters.simple(
                                  Map.of("filter", figures.drill(category, series))));
                    }
                  }));
        }
        if (figures.additive()) {
          Span total =
              new Span(getTranslation("dashboard.total", figures.format(values, figures.total())));
          total.addClassName("relata-widget-total");
          total.getElement().setAttribute("data-total", figures.total().toPlainString());
          add(total);
        }
      }
    }
    if (figures.truncated()) {
      Span note = new Span(getTranslation("dashboard.truncated"));
      note.addClassName("relata-widget-empty");
      add(note);
    }
  }

  /** Offers to take the widget away from the user's own dashboard. */
  void removable(Runnable remove) {
    com.vaadin.flow.component.button.Button button =
        new com.vaadin.flow.component.button.Button(
            com.vaadin.flow.component.icon.VaadinIcon.CLOSE_SMALL.create(), e -> remove.run());
    button.addThemeVariants(
        com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY_INLINE,
        com.vaadin.flow.component.button.ButtonVariant.LUMO_ICON);
    button.setAriaLabel(getTranslation("dashboard.remove-widget"));
    button.setTooltipText(getTranslation("dashboard.remove-widget"));
    button.addClassName("relata-widget-remove");
    getChildren().findFirst().ifPresent(header -> ((Div) header).add(button));
  }

  private static Div metric(Figures figures, Values values) {
    BigDecimal total = figures.total();
    Span figure = new Span(figures.format(values, total));
    figure.addClassName("relata-metric");
    figure.getElement().setAttribute("data-total", total.toPlainString());
    return new Div(figure);
  }

  /** A row per group, a column per series, each figure a link to its records. */
  private static Div table(ObjectDefinition object, Figures figures, Values values) {
    Div table = new Div();
    table.addClassName("relata-widget-table");
    table.getElement().setAttribute("role", "table");
    Div head = new Div(new Span(""));
    head.addClassName("relata-widget-row");
    head.addClassName("relata-widget-head");
    figures.series().forEach(s -> head.add(new Span(s.label())));
    table.add(head);
    for (int c = 0; c < figures.categories().size(); c++) {
      Div row = new Div(new Span(figures.categories().get(c).label()));
      row.addClassName("relata-widget-row");
      row.getElement().setAttribute("role", "row");
      for (int s = 0; s < figures.series().size(); s++) {
        String shown = figures.format(values, figures.series().get(s).values().get(c));
        if (figures.drillable()) {
          Anchor cell = new Anchor(list(object, figures.drill(c, s)), shown);
          cell.addClassName("relata-number");
          row.add(cell);
        } else {
          Span cell = new Span(shown);
          cell.addClassName("relata-number");
          row.add(cell);
        }
      }
      table.add(row);
    }
    return table;
  }

  private static String list(ObjectDefinition object, String filter) {
    String base = "o/" + object.name();
    return filter.isEmpty()
        ? base
        : base + "?" + QueryParameters.simple(Map.of("filter", filter)).getQueryString();
  }
}
