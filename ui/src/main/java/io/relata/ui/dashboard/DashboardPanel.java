package io.relata.ui.dashboard;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.presentation.Dashboard;
import io.relata.metadata.presentation.Widget;
import io.relata.platform.directory.Users;
import io.relata.platform.record.RecordService;
import io.relata.platform.rest.ProblemException;
import io.relata.ui.format.Values;
import io.relata.ui.screen.Workspace;
import java.util.Optional;

/**
 * A dashboard's widgets in a grid, each computed now for the viewer. A widget on an object the
 * viewer may not read is not there at all; one the platform refuses for them (a field hidden from
 * them) says so in its place.
 */
public final class DashboardPanel extends Div {

  public DashboardPanel(
      Dashboard dashboard, Workspace.View view, RecordService records, Users users, Values values) {
    addClassName("relata-dashboard");
    getElement().setAttribute("data-dashboard", dashboard.name());
    for (int i = 0; i < dashboard.widgets().size(); i++) {
      Widget widget = dashboard.widgets().get(i);
      Optional<ObjectDefinition> object = view.readable(widget.object());
      if (object.isEmpty()) {
        continue;
      }
      try {
        Figures figures = Figures.of(records, users, view.actor(), values, object.get(), widget);
        add(new WidgetCard(i, widget, object.get(), figures, values));
      } catch (ProblemException refused) {
        Div card = new Div();
        card.addClassName("relata-widget");
        card.getElement().setAttribute("data-widget", String.valueOf(i));
        Span title = new Span(widget.title());
        title.addClassName("relata-widget-title");
        Span why = new Span(getTranslation("dashboard.unavailable"));
        why.addClassName("relata-widget-empty");
        card.add(title, why);
        add(card);
      }
    }
  }
}
