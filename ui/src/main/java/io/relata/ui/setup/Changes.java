package io.relata.ui.setup;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.relata.metadata.kind.Documents;
import io.relata.metadata.problem.Problem;
import io.relata.platform.identity.Actor;
import io.relata.platform.message.Messages;
import io.relata.platform.metadata.Confirmation;
import io.relata.platform.metadata.MetadataService;
import io.relata.platform.rest.ProblemException;
import io.relata.platform.schema.SchemaPlan;
import io.relata.ui.screen.Problems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * How Setup changes the model, the one way for every screen: the change is planned first (a dry
 * run), refusals go back to the screen by JSON pointer, the plan is shown in words when it touches
 * the database, and only then is the change applied, confirmed for that plan. A plan that changed
 * meanwhile (another admin came first) is shown again.
 */
final class Changes {

  private final MetadataService metadata;
  private final Actor actor;
  private final Component screen;

  Changes(MetadataService metadata, Actor actor, Component screen) {
    this.metadata = metadata;
    this.actor = actor;
    this.screen = screen;
  }

  /**
   * Plans {@code edit}, shows its plan (headed {@code heading}) when it has steps, and applies it;
   * {@code refused} receives the problems of a refusal by document key, {@code applied} the new
   * revision.
   */
  void propose(
      String heading,
      UnaryOperator<Documents> edit,
      String comment,
      Consumer<Map<String, List<Problem>>> refused,
      Consumer<Long> applied) {
    MetadataService.Outcome planned;
    try {
      planned = metadata.changeDocuments(actor, edit, comment, true, Confirmation.NONE);
    } catch (MetadataService.Refused e) {
      refused.accept(e.problems());
      return;
    } catch (MetadataService.NeedsConfirmation e) {
      throw new IllegalStateException("a dry run never asks for confirmation", e);
    } catch (ProblemException e) {
      Problems.notify(List.of(Problems.text(e, locale())));
      return;
    }
    if (planned.plan().steps().isEmpty()) {
      apply(heading, edit, comment, Confirmation.NONE, refused, applied);
      return;
    }
    showPlan(heading, planned.plan(), edit, comment, refused, applied);
  }

  /** Shows {@code plan}, and applies the change confirmed for it when the admin says so. */
  private void showPlan(
      String heading,
      SchemaPlan plan,
      UnaryOperator<Documents> edit,
      String comment,
      Consumer<Map<String, List<Problem>>> refused,
      Consumer<Long> applied) {
    new PlanDialog(
            heading,
            plan,
            locale(),
            fingerprint ->
                apply(
                    heading,
                    edit,
                    comment,
                    fingerprint == null ? Confirmation.NONE : Confirmation.of(fingerprint),
                    refused,
                    applied))
        .open();
  }

  private void apply(
      String heading,
      UnaryOperator<Documents> edit,
      String comment,
      Confirmation confirmation,
      Consumer<Map<String, List<Problem>>> refused,
      Consumer<Long> applied) {
    try {
      MetadataService.Outcome outcome =
          metadata.changeDocuments(actor, edit, comment, false, confirmation);
      Notification done =
          Notification.show(
              outcome.applied()
                  ? screen.getTranslation("setup.saved", String.valueOf(outcome.revision()))
                  : screen.getTranslation("setup.unchanged"),
              4000,
              Notification.Position.BOTTOM_START);
      done.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
      done.setId("setup-saved");
      applied.accept(outcome.revision());
    } catch (MetadataService.Refused e) {
      refused.accept(e.problems());
    } catch (MetadataService.NeedsConfirmation e) {
      // the plan changed since it was shown: show the new one
      showPlan(heading, e.outcome().plan(), edit, comment, refused, applied);
    } catch (ProblemException e) {
      Problems.notify(List.of(Problems.text(e, locale())));
    }
  }

  /**
   * Shows a refusal that no form holds, each problem with the document and place it concerns
   * ({@code objects} key, then JSON pointer).
   */
  static void notify(Map<String, List<Problem>> problems, Locale locale) {
    List<String> lines = new java.util.ArrayList<>();
    problems.forEach(
        (key, list) ->
            messages(list, locale)
                .forEach((pointer, text) -> lines.add(key + pointer + ": " + text)));
    Problems.notify(lines);
  }

  /** Problems as messages by JSON pointer, in the user's language. */
  static Map<String, String> messages(List<Problem> problems, Locale locale) {
    Map<String, String> messages = new LinkedHashMap<>();
    for (Problem problem : problems) {
      messages.merge(
          problem.pointer(),
          Messages.text(problem.code(), locale, problem.args().toArray()),
          (a, b) -> a + " · " + b);
    }
    return messages;
  }

  private Locale locale() {
    return screen.getUI().map(ui -> ui.getLocale()).orElse(Locale.ENGLISH);
  }
}
