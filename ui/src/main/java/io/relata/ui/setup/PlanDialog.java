package io.relata.ui.setup;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.relata.platform.schema.SchemaPlan;
import io.relata.platform.schema.SchemaStep;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * What a change will do to the database, in words, before it is done: each step of its plan, those
 * that delete data marked and those that run after the change (index builds on large tables) said
 * so. A plan that deletes data is applied only by its own button, which confirms this plan and no
 * other ({@code fingerprint}).
 */
final class PlanDialog extends Dialog {

  /** Opens the plan; {@code apply} receives the confirmation the admin gave. */
  PlanDialog(String heading, SchemaPlan plan, Locale locale, Consumer<String> apply) {
    setId("plan-dialog");
    setHeaderTitle(heading);
    addClassName("relata-plan-dialog");
    UnorderedList steps = new UnorderedList();
    steps.setId("plan-steps");
    steps.addClassName("relata-plan-steps");
    for (SchemaStep step : plan.steps()) {
      ListItem item = new ListItem();
      item.addClassName("relata-plan-step");
      if (step.destructive()) {
        item.addClassName("relata-plan-destructive");
        item.add(VaadinIcon.WARNING.create());
      } else if (step.deferred()) {
        item.addClassName("relata-plan-deferred");
        item.add(VaadinIcon.CLOCK.create());
      } else {
        item.add(VaadinIcon.CHECK.create());
      }
      item.add(new Span(step.text(locale)));
      item.getElement().setAttribute("data-code", step.code());
      steps.add(item);
    }
    Div body = new Div();
    if (plan.steps().isEmpty()) {
      body.add(new Paragraph(getTranslation("setup.plan.nothing")));
    } else {
      body.add(new Paragraph(getTranslation("setup.plan.intro")), steps);
    }
    if (plan.destructive()) {
      Paragraph warning = new Paragraph(getTranslation("setup.plan.destructive"));
      warning.addClassName("relata-plan-warning");
      warning.setId("plan-warning");
      body.add(warning);
    }
    add(body);
    Button cancel = new Button(getTranslation("dialog.cancel"), e -> close());
    cancel.setId("plan-cancel");
    Button go =
        new Button(
            getTranslation(
                plan.destructive() ? "setup.plan.apply-destructive" : "setup.plan.apply"),
            e -> {
              close();
              apply.accept(plan.destructive() ? plan.fingerprint() : null);
            });
    go.setId("plan-apply");
    go.addThemeVariants(
        ButtonVariant.LUMO_PRIMARY,
        plan.destructive() ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_PRIMARY);
    getFooter().add(cancel, go);
  }
}
