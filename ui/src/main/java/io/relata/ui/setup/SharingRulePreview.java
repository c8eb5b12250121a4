package io.relata.ui.setup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.relata.metadata.model.CompiledModel;
import io.relata.platform.access.SharingPreview;
import io.relata.platform.message.Messages;
import io.relata.platform.rest.ProblemException;
import io.relata.ui.screen.Labels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Under a sharing rule's form: how many of its object's records the rule, as the admin has it now,
 * would share, and with how many users. A rule that is not valid yet shows its problems at their
 * fields, as saving it would.
 */
final class SharingRulePreview extends Div {

  private final Supplier<ObjectNode> document;
  private final Function<Map<String, String>, List<String>> show;
  private final SharingPreview preview;
  private final CompiledModel model;
  private final Locale locale;
  private final Span result = new Span();

  /**
   * @param show shows messages at the form's fields, returning those no field holds
   */
  SharingRulePreview(
      Supplier<ObjectNode> document,
      Function<Map<String, String>, List<String>> show,
      SharingPreview preview,
      CompiledModel model,
      Locale locale) {
    this.document = document;
    this.show = show;
    this.preview = preview;
    this.model = model;
    this.locale = locale;
    setId("setup-sharing-preview");
    addClassName("relata-setup-preview");
    Button count = new Button(getTranslation("setup.sharing.count"), e -> count());
    count.setIcon(VaadinIcon.CALC.create());
    count.setId("setup-sharing-count");
    result.setId("setup-sharing-reach");
    add(count, result);
  }

  /** Counts what the rule would share, or shows why it cannot yet. */
  void count() {
    result.removeClassName("relata-setup-preview-problem");
    try {
      result.setText(
          preview
              .preview(SetupPage.actor(), document.get())
              .map(
                  reach ->
                      getTranslation(
                          "setup.sharing.reach",
                          reach.shared(),
                          reach.total(),
                          model
                              .object(document.get().path("object").asText())
                              .map(Labels::plural)
                              .orElse(""),
                          reach.users()))
              .orElse(getTranslation("setup.sharing.too-long")));
    } catch (ProblemException refused) {
      Map<String, String> messages = new LinkedHashMap<>();
      refused
          .violations()
          .forEach(
              v ->
                  messages.merge(
                      v.pointer(),
                      Messages.text(v.code(), locale, v.args().toArray()),
                      (a, b) -> a + " · " + b));
      List<String> elsewhere = new ArrayList<>(show.apply(messages));
      if (elsewhere.isEmpty()) {
        elsewhere.add(getTranslation("setup.sharing.fix-first"));
      }
      result.setText(String.join(" · ", elsewhere));
      result.addClassName("relata-setup-preview-problem");
    }
  }
}
