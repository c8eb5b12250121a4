package io.relata.ui.dashboard;

import com.vaadin.flow.component.html.Div;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.presentation.Dashboard;
import io.relata.metadata.presentation.Widget;
import io.relata.platform.directory.Users;
import io.relata.platform.record.RecordService;
import io.relata.ui.format.Values;
import io.relata.ui.screen.Workspace;
import java.util.Optional;

/**
 * A dashboard's widgets in a grid, each computed now for the viewer. A widget the viewer may not
 * see (its object unread, or a field hidden from them named in it) is not there at all.
 */
public final class DashboardPanel extends Div {

  public DashboardPanel(
      Dashboard dashboard, Workspace.View view, RecordService records, Users users, Values values) {
    this(dashboard, view, records, users, values, null);
  }

  /**
   * @param remove told of the widget the user takes away (on their own dashboards); null where they
   *     may not
   */
  public DashboardPanel(
      Dashboard dashboard,
      Workspace.View view,
      RecordService records,
      Users users,
      Values values,
      java.util.function.IntConsumer remove) {
    addClassName("relata-dashboard");
    getElement().setAttribute("data-dashboard", dashboard.name());
    for (int i = 0; i < dashboard.widgets().size(); i++) {
      Widget widget = dashboard.widgets().get(i);
      Optional<ObjectDefinition> object =
          view.readable(widget.object()).filter(o -> view.visible(widget));
      if (object.isEmpty()) {
        continue;
      }
      Figures figures;
      try {
        figures = Figures.of(records, users, view.actor(), values, object.get(), widget);
      } catch (io.relata.platform.rest.ProblemException refused) {
        continue; // a team's figures (a widget's role) for someone outside the team
      }
      WidgetCard card = new WidgetCard(i, widget, object.get(), figures, values);
      if (remove != null) {
        int index = i;
        card.removable(() -> remove.accept(index));
      }
      add(card);
    }
  }
}
