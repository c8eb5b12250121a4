package io.relata.ui.board;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.virtuallist.VirtualList;
import com.vaadin.flow.data.renderer.LitRenderer;
import io.relata.metadata.condition.ConditionException;
import io.relata.metadata.condition.ConditionParser;
import io.relata.metadata.condition.Expression;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldType;
import io.relata.platform.access.ObjectAccess;
import io.relata.platform.rest.ProblemException;
import io.relata.ui.list.RecordPages;
import io.relata.ui.record.StageMove;
import io.relata.ui.record.editor.EditorContext;
import io.relata.ui.screen.DropZone;
import io.relata.ui.screen.Problems;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One column of a board: its heading with the platform's count and sums, and its records as cards,
 * read a page at a time as the user scrolls. A card dropped here asks to move its record into this
 * column.
 */
final class BoardColumn extends Div {

  /** The type under which a dragged card carries its record's id. */
  private static final String DRAGGED = "application/x-relata-record";

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
    Mover mover = new Mover(context, access, clock, by, place, refresh);
    VirtualList<ObjectNode> cards = new VirtualList<>();
    cards.addClassName("relata-lane-cards");
    cards.setRenderer(cards(context, sum, mover));
    cards.setDataProvider(
        com.vaadin.flow.data.provider.DataProvider.<ObjectNode>fromCallbacks(
            query -> pages.rows(query.getOffset(), query.getLimit()).stream(),
            query -> (int) Math.min(count, Integer.MAX_VALUE)));
    add(heading, cards);
    dropTarget(mover);
  }

  /**
   * The cards, drawn in the browser from one template: a board shows many, and a server component
   * per card made the board the slowest screen. A card's drag carries its record's id; its "move
   * to" (for a phone's touch and the keyboard) asks the server for the other lanes.
   */
  private LitRenderer<ObjectNode> cards(
      EditorContext context, Optional<FieldDefinition> sum, Mover mover) {
    String nameField = context.object().nameField();
    String template =
        "<div class=\"relata-board-card\" data-id=\"${item.id}\" draggable=\"true\""
            + " @dragstart=\"${e => { e.dataTransfer.setData('"
            + DRAGGED
            + "', item.id); e.dataTransfer.effectAllowed = 'move'; }}\">"
            + "<div class=\"relata-board-card-top\">"
            + "<a href=\"${item.href}\" data-field=\""
            + nameField
            + "\">${item.name}</a>"
            + "<span class=\"relata-card-move\" role=\"button\" tabindex=\"0\""
            + " aria-label=\"${item.moveTo}\" title=\"${item.moveTo}\" @click=\"${move}\""
            + " @keydown=\"${e => { if (e.key === 'Enter') move(); }}\">⋮</span></div>"
            + sum.map(f -> "<span data-field=\"" + f.name() + "\">${item.amount}</span>").orElse("")
            + "<span class=\"relata-muted\" data-field=\"owner_id\">${item.owner}</span>"
            + "</div>";
    String moveTo = getTranslation("board.move-to");
    String path = "o/" + context.object().name() + "/";
    LitRenderer<ObjectNode> renderer =
        LitRenderer.<ObjectNode>of(template)
            .withProperty("id", row -> row.path("id").asText())
            .withProperty("href", row -> path + row.path("id").asText())
            .withProperty("name", row -> row.path(nameField).asText())
            .withProperty("owner", row -> row.path("owner_id").path("name").asText(""))
            .withProperty("moveTo", row -> moveTo)
            .withFunction("move", row -> mover.choose(row, moveTo));
    sum.ifPresent(
        field ->
            renderer.withProperty(
                "amount", row -> context.values().text(context.object(), field, row)));
    return renderer;
  }

  /**
   * Takes a card dropped here: the browser allows the drop only for a card and marks the column
   * while one is over it; the server is sent the record's id.
   */
  private void dropTarget(Mover mover) {
    DropZone.accept(
        getElement(),
        DRAGGED,
        (id, at) -> {
          if (id != null && !id.isEmpty()) {
            mover.dropped(id);
          }
        });
  }

  /** Moves a card's record to another lane, through the same guard as the stage path. */
  private record Mover(
      EditorContext context,
      ObjectAccess access,
      Clock clock,
      FieldDefinition by,
      Place place,
      Runnable refresh)
      implements java.io.Serializable {

    /** A card dropped on this lane: its record as it is now, moved unless it is here already. */
    void dropped(String id) {
      UUID recordId;
      try {
        recordId = UUID.fromString(id);
      } catch (IllegalArgumentException notACard) {
        return; // something else was dropped: nothing to move
      }
      JsonNode row;
      try {
        row =
            context
                .records()
                .read(context.actor(), context.object().name(), recordId, List.of())
                .json();
      } catch (ProblemException gone) {
        Problems.notify(List.of(Problems.text(gone, context.values().locale())));
        refresh.run();
        return;
      }
      if (!row.path(by.name()).asText().equals(place.lane().value())) {
        move(row, place.lane());
      }
    }

    /** "Move to…": the other lanes, chosen in a dialog. */
    void choose(ObjectNode row, String title) {
      Dialog dialog = new Dialog();
      dialog.setId("card-move");
      dialog.setHeaderTitle(title);
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
                  move(row, other);
                });
        choice.getElement().setAttribute("data-lane", other.value());
        choices.add(choice);
      }
      dialog.add(choices);
      dialog.open();
    }

    private void move(JsonNode row, BoardView.Lane to) {
      StageMove.run(
          context, access, clock, row, by.name(), to.value(), to.label(), refresh, refresh);
    }
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
