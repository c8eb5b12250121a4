package io.relata.ui.setup;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import io.relata.metadata.condition.ConditionException;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.problem.Problem;
import io.relata.platform.message.Messages;
import io.relata.platform.record.RecordService;
import io.relata.platform.rest.ProblemException;
import io.relata.ui.screen.Problems;
import io.relata.ui.session.SignedInUser;
import java.util.List;
import java.util.Locale;

/**
 * A validation rule tried on a stored record before the rule is saved: the admin picks a record by
 * its name and reads whether a save of it would pass the rule, or be refused with its message.
 */
final class RuleTestDialog extends Dialog {

  RuleTestDialog(
      ObjectDefinition object,
      String condition,
      String message,
      RecordService records,
      Locale locale) {
    setId("rule-test");
    setHeaderTitle(getTranslation("setup.rule.test-title"));
    setWidth("min(32rem, 100vw)");
    RecordPicker record = new RecordPicker(records, getTranslation("setup.rule.record")).of(object);
    record.setId("rule-test-record");
    record.setWidthFull();
    Paragraph result = new Paragraph();
    result.setId("rule-test-result");
    Button run =
        new Button(
            getTranslation("setup.rule.run"),
            e -> {
              if (record.getValue() == null) {
                return;
              }
              result.removeClassNames("relata-rule-passes", "relata-rule-refused");
              try {
                boolean passes =
                    records.passes(
                        SignedInUser.current().orElseThrow(),
                        object,
                        condition,
                        record.getValue().id());
                result.setText(
                    passes
                        ? getTranslation("setup.rule.passes", record.getValue().name())
                        : getTranslation("setup.rule.refused", record.getValue().name(), message));
                result.addClassName(passes ? "relata-rule-passes" : "relata-rule-refused");
              } catch (ConditionException wrong) {
                Problem problem = wrong.problem("");
                result.setText(Messages.text(problem.code(), locale, problem.args().toArray()));
                result.addClassName("relata-rule-refused");
              } catch (ProblemException refused) {
                Problems.notify(List.of(Problems.text(refused, locale)));
              }
            });
    run.setId("rule-test-run");
    run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add(record, result);
    Button done = new Button(getTranslation("dialog.close"), e -> close());
    done.setId("rule-test-close");
    getFooter().add(done, run);
  }
}
