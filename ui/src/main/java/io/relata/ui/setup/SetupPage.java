package io.relata.ui.setup;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.relata.metadata.access.SystemPermission;
import io.relata.platform.identity.Actor;
import io.relata.ui.screen.Workspace;
import io.relata.ui.session.SignedInUser;

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

  /** The link back to the page this one was opened from. */
  RouterLink back(String text, Class<? extends Component> target, RouteParameters parameters) {
    RouterLink back = new RouterLink(text, target, parameters);
    back.addClassName("relata-setup-back");
    back.setId("setup-back");
    return back;
  }
}
