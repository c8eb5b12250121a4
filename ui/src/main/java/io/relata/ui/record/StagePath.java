package io.relata.ui.record;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import io.relata.metadata.definition.Pipeline;
import java.util.function.Consumer;

/**
 * The pipeline as a row of stages, the record's own marked, those behind it done. A click on
 * another stage asks to move there; the platform's pipeline guard decides.
 */
final class StagePath extends Div {

  private final Pipeline pipeline;
  private final Consumer<String> move;

  StagePath(Pipeline pipeline, Consumer<String> move) {
    this.pipeline = pipeline;
    this.move = move;
    setId("stage-path");
    addClassName("relata-stage-path");
  }

  /** Shows {@code current} as the record's stage; stages are buttons only when it may move. */
  void show(String current, boolean movable) {
    removeAll();
    int at = -1;
    for (int i = 0; i < pipeline.stages().size(); i++) {
      if (pipeline.stages().get(i).name().equals(current)) {
        at = i;
      }
    }
    for (int i = 0; i < pipeline.stages().size(); i++) {
      Pipeline.Stage stage = pipeline.stages().get(i);
      Button step = new Button(io.relata.ui.screen.Labels.stage(stage));
      step.addClassName("relata-stage");
      step.getElement().setAttribute("data-stage", stage.name());
      if (i < at) {
        step.addClassName("done");
      } else if (i == at) {
        step.addClassName("current");
        step.getElement().setAttribute("aria-current", "step");
      }
      if (stage.category() != Pipeline.StageCategory.OPEN) {
        step.addClassName(stage.category().name().toLowerCase(java.util.Locale.ROOT));
      }
      step.setEnabled(movable && i != at);
      step.addClickListener(e -> move.accept(stage.name()));
      add(step);
    }
  }
}
