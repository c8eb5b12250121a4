package io.relata.ui.setup;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.relata.metadata.access.SystemPermission;
import io.relata.platform.identity.Actor;
import io.relata.platform.message.Messages;
import io.relata.platform.rest.ProblemException;
import io.relata.ui.screen.Problems;
import io.relata.ui.screen.Workspace;
import io.relata.ui.session.SignedInUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A page of Setup: shown only to those it is for — anyone else meets the one "not found" page the
 * screens show for what a user may not see — with a link back to where it was opened from.
 */
abstract class SetupPage extends Div implements BeforeEnterObserver, HasDynamicTitle {

  private final Workspace workspace;

  SetupPage(Workspace workspace) {
    this.workspace = workspace;
    addClassName("relata-page");
    addClassName("relata-setup");
  }

  @Override
  public final void beforeEnter(BeforeEnterEvent event) {
    Workspace.View view = workspace.of(actor());
    if (!allowed(view) || !enter(event, view)) {
      event.rerouteToError(NotFoundException.class);
    }
  }

  /** Whether the user may see the page: by default, who may change the model. */
  boolean allowed(Workspace.View view) {
    return view.holds(SystemPermission.MANAGE_METADATA);
  }

  /** Draws the page for {@code event}; false when what it names is not there. */
  abstract boolean enter(BeforeEnterEvent event, Workspace.View view);

  static Actor actor() {
    return SignedInUser.current().orElseThrow();
  }

  /**
   * Shows a refusal of a form's save: each problem at the field whose name is the first member of
   * its pointer, and those no field holds as a notification.
   */
  void refused(Map<String, Component> fields, ProblemException refused) {
    List<String> elsewhere = new ArrayList<>();
    for (ProblemException.Violation violation : refused.violations()) {
      String member = violation.pointer().replaceFirst("^/", "").split("/")[0];
      String text = Messages.text(violation.code(), getLocale(), violation.args().toArray());
      if (fields.get(member) instanceof HasValidation field) {
        field.setErrorMessage(text);
        field.setInvalid(true);
      } else {
        elsewhere.add(text);
      }
    }
    if (refused.violations().isEmpty() || !elsewhere.isEmpty()) {
      elsewhere.add(0, Messages.text(refused.code(), getLocale(), refused.args()));
      Problems.notify(elsewhere);
    }
  }

  /** Says that what the admin asked for is done. */
  static void done(String text) {
    Notification note = Notification.show(text, 4000, Notification.Position.BOTTOM_CENTER);
    note.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
  }

  /** The link back to the page this one was opened from. */
  RouterLink back(String text, Class<? extends Component> target, RouteParameters parameters) {
    RouterLink back = new RouterLink(text, target, parameters);
    back.addClassName("relata-setup-back");
    back.setId("setup-back");
    return back;
  }
}
