package io.relata.ui.board;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dnd.DragSource;
import com.vaadin.flow.component.dnd.DropEffect;
import com.vaadin.flow.component.dnd.DropTarget;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.virtuallist.VirtualList;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import io.relata.metadata.condition.ConditionException;
import io.relata.metadata.condition.ConditionParser;
import io.relata.metadata.condition.Expression;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldType;
import io.relata.platform.access.ObjectAccess;
import io.relata.ui.list.RecordPages;
import io.relata.ui.record.StageMove;
import io.relata.ui.record.editor.EditorContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One column of a board: its heading with the platform's count and sums, and its records as cards,
 * read a page at a time as the user scrolls. A card dropped here asks to move its record into this
 * column.
 */
final class BoardColumn extends Div {

  /** The record a dragged card stands for, kept on the card's component. */
  private static final String RECORD = "relata-record";

  /** A column's lane, and every lane of the board: where a card may be moved to. */
  record Place(BoardView.Lane lane, List<BoardView.Lane> lanes) {}

  BoardColumn(
      EditorContext context,
      ObjectAccess access,
      Clock clock,
      FieldDefinition by,
      Place place,
      Optional<FieldDefinition> sum,
      Optional<Expression> filter,
      JsonNode total,
      Runnable refresh) {
    BoardView.Lane lane = place.lane();
    addClassName("relata-board-column");
    getElement().setAttribute("data-lane", lane.value());
    lane.colour().ifPresent(c -> getStyle().set("--relata-lane", c));

    long count = total == null ? 0 : total.path("count").asLong();
    Span title = new Span(lane.label());
    title.addClassName("relata-lane-title");
    Span counted = new Span(context.values().number(BigDecimal.valueOf(count), 0));
    counted.addClassName("relata-lane-count");
    Div heading = new Div(title, counted);
    heading.addClassName("relata-lane-heading");
    Div figures = new Div();
    figures.addClassName("relata-lane-figures");
    if (sum.isPresent()) {
      FieldDefinition field = sum.get();
      BigDecimal amount =
          total == null || !total.path("sum_" + field.name()).isNumber()
              ? BigDecimal.ZERO
              : total.path("sum_" + field.name()).decimalValue();
      Span summed = new Span(amount(context, field, amount));
      summed.addClassName("relata-lane-sum");
      summed.getElement().setAttribute("data-field", field.name());
      figures.add(summed);
      lane.probability()
          .ifPresent(
              p -> {
                BigDecimal weighted =
                    amount
                        .multiply(BigDecimal.valueOf(p))
                        .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_EVEN);
                Span w =
                    new Span(getTranslation("board.weighted", amount(context, field, weighted), p));
                w.addClassName("relata-lane-weighted");
                figures.add(w);
              });
    }
    heading.add(figures);

    RecordPages pages =
        new RecordPages(
            context.records(),
            context.actor(),
            context.object().name(),
            Optional.of(inLane(by, lane, filter)),
            Optional.empty(),
            Optional.of("-updated_at"),
            fields(context, sum),
            List.of("owner_id"));
    VirtualList<ObjectNode> cards = new VirtualList<>();
    cards.addClassName("relata-lane-cards");
    cards.setRenderer(
        new ComponentRenderer<>(
            row -> card(context, sum, row, move(context, access, clock, by, place, refresh))));
    cards.setDataProvider(
        com.vaadin.flow.data.provider.DataProvider.<ObjectNode>fromCallbacks(
            query -> pages.rows(query.getOffset(), query.getLimit()).stream(),
            query -> (int) Math.min(count, Integer.MAX_VALUE)));
    add(heading, cards);

    DropTarget<BoardColumn> target = DropTarget.create(this);
    target.setDropEffect(DropEffect.MOVE);
    target.addDropListener(
        e ->
            e.getDragSourceComponent()
                .map(c -> (ObjectNode) ComponentUtil.getData(c, RECORD))
                .filter(row -> !row.path(by.name()).asText().equals(lane.value()))
                .ifPresent(
                    row ->
                        StageMove.run(
                            context,
                            access,
                            clock,
                            row,
                            by.name(),
                            lane.value(),
                            lane.label(),
                            refresh,
                            refresh)));
  }

  /**
   * "Move to…" on a card, for those who cannot drag (a phone's touch, the keyboard): the other
   * lanes, each moving the record through the same guard as a drag.
   */
  private static java.util.function.Function<ObjectNode, Component> move(
      EditorContext context,
      ObjectAccess access,
      Clock clock,
      FieldDefinition by,
      Place place,
      Runnable refresh) {
    return row -> {
      // a plain element, not a button component: a board shows many cards, each with one;
      // focusable and opened by Enter too, and the choices made only when it is opened
      Span button = new Span("⋮");
      button.addClassName("relata-card-move");
      button.getElement().setAttribute("role", "button");
      button.getElement().setAttribute("tabindex", "0");
      button.getElement().setAttribute("aria-label", button.getTranslation("board.move-to"));
      button.getElement().setAttribute("title", button.getTranslation("board.move-to"));
      com.vaadin.flow.function.SerializableConsumer<com.vaadin.flow.dom.DomEvent> open =
          e -> {
            com.vaadin.flow.component.dialog.Dialog dialog =
                new com.vaadin.flow.component.dialog.Dialog();
            dialog.setId("card-move");
            dialog.setHeaderTitle(button.getTranslation("board.move-to"));
            Div choices = new Div();
            choices.addClassName("relata-move-choices");
            for (BoardView.Lane other : place.lanes()) {
              if (other.value().equals(place.lane().value())) {
                continue;
              }
              Button choice =
                  new Button(
                      other.label(),
                      chosen -> {
                        dialog.close();
                        StageMove.run(
                            context,
                            access,
                            clock,
                            row,
                            by.name(),
                            other.value(),
                            other.label(),
                            refresh,
                            refresh);
                      });
              choice.getElement().setAttribute("data-lane", other.value());
              choices.add(choice);
            }
            dialog.add(choices);
            dialog.open();
          };
      button.getElement().addEventListener("click", open::accept);
      button
          .getElement()
          .addEventListener("keydown", open::accept)
          .setFilter("event.key === 'Enter'");
      return button;
    };
  }

  private Div card(
      EditorContext context,
      Optional<FieldDefinition> sum,
      ObjectNode row,
      java.util.function.Function<ObjectNode, Component> move) {
    String nameField = context.object().nameField();
    Anchor name =
        new Anchor(
            "o/" + context.object().name() + "/" + row.path("id").asText(),
            row.path(nameField).asText());
    name.getElement().setAttribute("data-field", nameField);
    Div top = new Div(name, move.apply(row));
    top.addClassName("relata-board-card-top");
    Div card = new Div(top);
    card.addClassName("relata-board-card");
    card.getElement().setAttribute("data-id", row.path("id").asText());
    sum.ifPresent(
        field -> {
          Span amount = new Span(context.values().text(context.object(), field, row));
          amount.getElement().setAttribute("data-field", field.name());
          card.add(amount);
        });
    Span owner = new Span(row.path("owner_id").path("name").asText(""));
    owner.addClassName("relata-muted");
    owner.getElement().setAttribute("data-field", "owner_id");
    card.add(owner);
    ComponentUtil.setData(card, RECORD, row);
    DragSource<Div> drag = DragSource.create(card);
    drag.setDraggable(true);
    return card;
  }

  private static List<String> fields(EditorContext context, Optional<FieldDefinition> sum) {
    List<String> fields =
        new ArrayList<>(List.of("id", "version", "owner_id", context.object().nameField()));
    sum.ifPresent(f -> fields.add(f.name()));
    if (context.object().pipeline().isPresent()) {
      fields.add("stage");
    }
    context.object().fields().stream()
        .filter(f -> f.type() instanceof FieldType.Picklist)
        .filter(f -> context.view().access(context.object()).visible(f.name()))
        .forEach(f -> fields.add(f.name()));
    return fields.stream()
        .distinct()
        .filter(f -> context.view().access(context.object()).visible(f))
        .toList();
  }

  /** The lane's records: the user's filter, and the lane's value of the grouping field. */
  private static Expression inLane(
      FieldDefinition by, BoardView.Lane lane, Optional<Expression> filter) {
    String value = lane.value().replace("\\", "\\\\").replace("\"", "\\\"");
    try {
      Expression own = ConditionParser.parse(by.name() + " = \"" + value + "\"");
      return filter
          .map(f -> (Expression) new Expression.Binary("and", f, own, Expression.Where.at(0)))
          .orElse(own);
    } catch (ConditionException e) {
      throw new IllegalStateException("a lane's value does not make a condition: " + value, e);
    }
  }

  private String amount(EditorContext context, FieldDefinition field, BigDecimal amount) {
    if (field.type() instanceof FieldType.Currency currency) {
      return context.values().amount(amount, currency.scale(), currency.currency().orElse(null));
    }
    return context.values().number(amount, ((FieldType.Decimal) field.type()).scale());
  }
}
