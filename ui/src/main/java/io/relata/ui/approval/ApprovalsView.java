package io.relata.ui.approval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.relata.platform.approval.Approvals;
import io.relata.platform.identity.Actor;
import io.relata.ui.format.Values;
import io.relata.ui.screen.Workspace;
import io.relata.ui.session.SignedInUser;
import io.relata.ui.session.UserSettings;
import io.relata.ui.shell.MainLayout;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The approvals inbox: the requests whose current step the user decides, newest first, each with
 * its record, the stage it asks for, who asked and the decisions so far; and, on the second tab,
 * every request the user may see (those they asked for among them, to recall).
 */
@Route(value = "approvals", layout = MainLayout.class)
public class ApprovalsView extends Div implements BeforeEnterObserver, HasDynamicTitle {

  private static final int SHOWN = 100;

  private final Approvals approvals;
  private final Workspace workspace;
  private final Tab inbox = new Tab();
  private final Tab all = new Tab();
  private final Tabs tabs = new Tabs(inbox, all);
  private final Div cards = new Div();

  @Inject
  public ApprovalsView(Approvals approvals, Workspace workspace) {
    this.approvals = approvals;
    this.workspace = workspace;
    addClassName("relata-page");
    addClassName("relata-approvals");
    H1 title = new H1(getTranslation("approvals.title"));
    inbox.setLabel(getTranslation("approvals.inbox"));
    inbox.setId("approvals-inbox");
    all.setLabel(getTranslation("approvals.all"));
    all.setId("approvals-all");
    tabs.addSelectedChangeListener(e -> show());
    cards.setId("approvals-list");
    cards.addClassName("relata-approval-list");
    add(title, tabs, cards);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    show();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("approvals.title");
  }

  private void show() {
    cards.removeAll();
    Actor actor = SignedInUser.current().orElseThrow();
    Values values = UserSettings.current().orElseThrow().values();
    Workspace.View view = workspace.of(actor);
    boolean mine = tabs.getSelectedTab() == inbox;
    List<ObjectNode> requests;
    try {
      requests =
          approvals.list(
              actor,
              mine,
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              SHOWN);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    if (requests.isEmpty()) {
      Paragraph none =
          new Paragraph(getTranslation(mine ? "approvals.none" : "approvals.none-all"));
      none.setId("approvals-none");
      none.addClassName("relata-muted");
      cards.add(none);
    }
    for (ObjectNode request : requests) {
      cards.add(
          new ApprovalCard(
              approvals,
              actor,
              request,
              view.readable(request.path("record").path("object").asText()),
              values,
              true,
              this::show));
    }
  }
}
