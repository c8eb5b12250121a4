package io.relata.ui.shell;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.relata.platform.identity.Actor;
import io.relata.platform.identity.ApiToken;
import io.relata.platform.identity.ApiTokens;
import io.relata.ui.format.Values;
import io.relata.ui.session.SignedInUser;
import io.relata.ui.session.UserSettings;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The user's own API tokens, for scripts and integrations acting as them: each with its name and
 * dates, revoked with a click; a new one's secret shown once, here, and never again.
 */
class TokensDialog extends Dialog {

  private final ApiTokens tokens;
  private final Clock clock;
  private final Actor actor = SignedInUser.current().orElseThrow();
  private final Values values = UserSettings.current().orElseThrow().values();
  private final Div list = new Div();
  private final Div issued = new Div();

  TokensDialog(ApiTokens tokens, Clock clock) {
    this.tokens = tokens;
    this.clock = clock;
    setHeaderTitle(getTranslation("tokens.title"));
    setId("tokens-dialog");
    setWidth("min(36rem, 100vw)");
    add(new Paragraph(getTranslation("tokens.intro")));
    TextField name = new TextField(getTranslation("tokens.name"));
    name.setId("token-name");
    name.setMaxLength(100);
    Button create =
        new Button(
            getTranslation("tokens.create"),
            e -> {
              ApiTokens.Issued token =
                  tokens.issue(
                      actor, Optional.of(name.getValue().strip()).filter(n -> !n.isEmpty()));
              name.clear();
              showSecret(token);
              refresh();
            });
    create.setId("token-create");
    HorizontalLayout newOne = new HorizontalLayout(name, create);
    newOne.setAlignItems(HorizontalLayout.Alignment.BASELINE);
    list.setId("token-list");
    list.addClassName("relata-token-list");
    add(newOne, issued, list);
    refresh();
    getFooter().add(new Button(getTranslation("dialog.close"), e -> close()));
  }

  private void showSecret(ApiTokens.Issued token) {
    issued.removeAll();
    TextField secret = new TextField(getTranslation("tokens.secret"));
    secret.setId("token-secret");
    secret.setValue(token.token());
    secret.setReadOnly(true);
    secret.setWidthFull();
    secret.setHelperText(getTranslation("tokens.secret.once"));
    issued.add(secret);
  }

  private void refresh() {
    list.removeAll();
    OffsetDateTime now = OffsetDateTime.now(clock);
    for (ApiToken token : tokens.of(actor)) {
      Span name = new Span(token.name().orElse(getTranslation("tokens.unnamed")));
      name.addClassName("relata-token-name");
      String state =
          token.revokedAt().isPresent()
              ? getTranslation("tokens.revoked")
              : token.validAt(now)
                  ? getTranslation("tokens.expires", values.dateTime(token.expiresAt().toString()))
                  : getTranslation("tokens.expired");
      Span when = new Span(state);
      when.addClassName("relata-muted");
      Div row = new Div(name, when);
      row.addClassName("relata-token");
      row.getElement().setAttribute("data-token", token.id().toString());
      if (token.validAt(now) && token.revokedAt().isEmpty()) {
        Button revoke =
            new Button(
                getTranslation("tokens.revoke"),
                e -> {
                  tokens.revoke(actor, token.id());
                  refresh();
                });
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        revoke.getElement().setAttribute("data-revoke", token.id().toString());
        row.add(revoke);
      }
      list.add(row);
    }
    if (list.getComponentCount() == 0) {
      list.add(new Span(getTranslation("tokens.none")));
    }
  }
}
