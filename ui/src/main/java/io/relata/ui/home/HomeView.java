package io.relata.ui.home;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.relata.ui.session.SignedInUser;

/** Greets the signed-in user and lets them sign out. */
@Route("home")
public class HomeView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

  private final H1 greeting = new H1();

  public HomeView() {
    greeting.setId("greeting");
    Button signOut = new Button(getTranslation("home.sign-out"), click -> signOut());
    signOut.setId("sign-out");
    add(greeting, new Paragraph(getTranslation("home.placeholder")), signOut);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    SignedInUser.current()
        .ifPresent(actor -> greeting.setText(getTranslation("home.greeting", actor.username())));
  }

  @Override
  public String getPageTitle() {
    return getTranslation("home.page-title");
  }

  private void signOut() {
    SignedInUser.signOut();
    // a full page load: the old session, and the UI bound to it, are gone
    getUI().ifPresent(ui -> ui.getPage().setLocation("./"));
  }
}
