package io.relata.ui.login;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.AbstractLogin.LoginEvent;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.FlexComponent.JustifyContentMode;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import io.relata.platform.identity.PasswordLogin;
import io.relata.platform.identity.oidc.OidcClient;
import io.relata.ui.home.HomeView;
import io.relata.ui.session.PublicView;
import io.relata.ui.session.SessionTimeouts;
import io.relata.ui.session.SignedInUser;
import io.relata.ui.session.SingleSignOn;
import jakarta.inject.Inject;

/**
 * Sign-in with username and password against the user table, and, when it is configured, a link to
 * single sign-on ({@link SingleSignOn}).
 */
@Route("")
@PublicView
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

  private final PasswordLogin login;
  private final SessionTimeouts timeouts;
  private final LoginForm form = new LoginForm();
  private final Span ssoFailed = new Span();

  @Inject
  public LoginView(PasswordLogin login, SessionTimeouts timeouts, OidcClient sso) {
    this.login = login;
    this.timeouts = timeouts;
    setSizeFull();
    setAlignItems(Alignment.CENTER);
    setJustifyContentMode(JustifyContentMode.CENTER);

    form.setI18n(texts());
    form.setForgotPasswordButtonVisible(false);
    form.addLoginListener(this::signIn);
    add(new H1("Relata"), form);
    sso.settings()
        .ifPresent(
            on -> {
              Anchor link = new Anchor(SingleSignOn.LOGIN, on.label());
              link.setId("sso");
              link.setRouterIgnore(true);
              ssoFailed.setId("sso-failed");
              ssoFailed.setText(getTranslation("login.sso.failed"));
              ssoFailed.setVisible(false);
              add(link, ssoFailed);
            });
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    if (SignedInUser.current().isPresent()) {
      event.forwardTo(HomeView.class);
      return;
    }
    ssoFailed.setVisible(SingleSignOn.failed(event.getLocation().getQueryParameters()));
  }

  @Override
  public String getPageTitle() {
    return getTranslation("login.page-title");
  }

  private void signIn(LoginEvent event) {
    login
        .authenticate(event.getUsername(), event.getPassword().toCharArray())
        .ifPresentOrElse(
            actor -> {
              SignedInUser.signIn(actor);
              timeouts.started(VaadinSession.getCurrent());
              getUI().ifPresent(ui -> ui.navigate(HomeView.class));
            },
            () -> {
              form.setError(true);
              form.setEnabled(true);
            });
  }

  private LoginI18n texts() {
    LoginI18n i18n = LoginI18n.createDefault();
    i18n.getForm().setTitle(getTranslation("login.title"));
    i18n.getForm().setUsername(getTranslation("login.username"));
    i18n.getForm().setPassword(getTranslation("login.password"));
    i18n.getForm().setSubmit(getTranslation("login.submit"));
    i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
    i18n.getErrorMessage().setMessage(getTranslation("login.error.message"));
    return i18n;
  }
}
