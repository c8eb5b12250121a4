package io.relata.ui.board;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import io.relata.metadata.condition.ConditionException;
import io.relata.metadata.condition.ConditionParser;
import io.relata.metadata.condition.Expression;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.definition.PicklistValue;
import io.relata.metadata.definition.SystemFields;
import io.relata.platform.access.ObjectAccess;
import io.relata.platform.directory.Users;
import io.relata.platform.identity.Actor;
import io.relata.platform.record.RecordService;
import io.relata.ui.record.editor.EditorContext;
import io.relata.ui.screen.Address;
import io.relata.ui.screen.Labels;
import io.relata.ui.screen.Workspace;
import io.relata.ui.session.SignedInUser;
import io.relata.ui.shell.MainLayout;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records as cards in columns: one column per stage of the object's pipeline (or per value of a
 * picklist, {@code ?by=priority}), each headed by its count, the sum of an amount ({@code
 * ?sum=amount}; the first currency field by default) and, for stages, that sum weighted by the
 * stage's probability, all computed by the platform over what the user may read. Cards load per
 * column as the user scrolls; dragging one to another column moves the record through the same
 * pipeline guard as the stage path.
 */
@Route(value = "o/:object/board", layout = MainLayout.class)
public class BoardView extends Div implements BeforeEnterObserver, HasDynamicTitle {

  private final Workspace workspace;
  private final RecordService records;
  private final Users users;
  private final Clock clock;
  private ObjectDefinition object;
  private final Div lanes = new Div();
  private Runnable refresh = () -> {};

  @Inject
  public BoardView(Workspace workspace, RecordService records, Users users, Clock clock) {
    this.workspace = workspace;
    this.records = records;
    this.users = users;
    this.clock = clock;
    addClassName("relata-page");
    addClassName("relata-board-page");
  }

  /** A column of the board: the value of the grouping field it holds, and its label. */
  record Lane(String value, String label, Optional<String> colour, Optional<Integer> probability) {}

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    Actor actor = SignedInUser.current().orElseThrow();
    Workspace.View view = workspace.of(actor);
    Optional<ObjectDefinition> found = view.routed(event);
    if (found.isEmpty()) {
      return;
    }
    object = found.get();
    ObjectAccess access = view.access(object);
    Optional<FieldDefinition> by = grouping(access, Address.parameter(event, "by"));
    if (by.isEmpty()) {
      event.rerouteToError(NotFoundException.class);
      return;
    }
    Optional<FieldDefinition> sum = measure(access, Address.parameter(event, "sum"));
    Optional<Expression> filter = Optional.empty();
    Optional<String> filterText = Address.parameter(event, "filter");
    if (filterText.isPresent()) {
      try {
        filter = Optional.of(ConditionParser.parse(filterText.get()));
      } catch (ConditionException e) {
        filter = Optional.empty();
      }
    }
    EditorContext context = EditorContext.of(view, object, records, users);

    removeAll();
    H1 title = new H1(Labels.plural(object));
    title.setId("board-title");
    Anchor list = new Anchor("o/" + object.name(), getTranslation("board.as-list"));
    list.setId("board-list");
    HorizontalLayout header = new HorizontalLayout(title, list);
    header.setAlignItems(FlexComponent.Alignment.BASELINE);
    header.addClassName("relata-list-header");
    lanes.setId("board");
    lanes.addClassName("relata-board");
    add(header, lanes);

    Optional<Expression> chosen = filter;
    FieldDefinition grouped = by.get();
    refresh = () -> lanes(context, access, grouped, sum, chosen);
    lanes(context, access, grouped, sum, chosen);
  }

  /** The columns as the platform counts and sums them now: after each move too. */
  private void lanes(
      EditorContext context,
      ObjectAccess access,
      FieldDefinition by,
      Optional<FieldDefinition> sum,
      Optional<Expression> filter) {
    lanes.removeAll();
    Actor actor = context.actor();
    Map<String, JsonNode> totals = totals(actor, by, sum, filter);
    List<Lane> all = lanes(by);
    for (Lane lane : all) {
      lanes.add(
          new BoardColumn(
              context,
              access,
              clock,
              by,
              new BoardColumn.Place(lane, all),
              sum,
              filter,
              totals.get(lane.value()),
              refresh));
    }
  }

  /** Count and sum per column, from the platform's aggregate under the user's record security. */
  private Map<String, JsonNode> totals(
      Actor actor, FieldDefinition by, Optional<FieldDefinition> sum, Optional<Expression> filter) {
    String metrics = "count" + sum.map(f -> ",sum:" + f.name()).orElse("");
    JsonNode answer =
        records.aggregate(actor, object.name(), filter, Optional.of(by.name()), metrics);
    Map<String, JsonNode> totals = new HashMap<>();
    for (JsonNode group : answer.path("groups")) {
      totals.put(group.path(by.name()).asText(), group);
    }
    return totals;
  }

  private List<Lane> lanes(FieldDefinition by) {
    List<Lane> lanes = new ArrayList<>();
    if (by.type() instanceof FieldType.Stage) {
      object
          .pipeline()
          .orElseThrow()
          .stages()
          .forEach(
              s ->
                  lanes.add(
                      new Lane(
                          s.name(), Labels.stage(s), s.colour(), Optional.of(s.probability()))));
    } else {
      for (PicklistValue value : ((FieldType.Picklist) by.type()).values()) {
        if (value.active()) {
          lanes.add(new Lane(value.name(), Labels.value(value), value.colour(), Optional.empty()));
        }
      }
    }
    return lanes;
  }

  /** The stage, or the picklist the address names; a field the user may not see is none. */
  private Optional<FieldDefinition> grouping(ObjectAccess access, Optional<String> by) {
    if (by.isPresent()) {
      return SystemFields.field(object, by.get())
          .filter(f -> access.visible(f.name()))
          .filter(
              f -> f.type() instanceof FieldType.Picklist || f.type() instanceof FieldType.Stage);
    }
    if (object.pipeline().isPresent() && access.visible("stage")) {
      return SystemFields.field(object, "stage");
    }
    return object.fields().stream()
        .filter(f -> f.type() instanceof FieldType.Picklist && access.visible(f.name()))
        .findFirst();
  }

  /** The amount the columns sum: named in the address, or the first currency field. */
  private Optional<FieldDefinition> measure(ObjectAccess access, Optional<String> sum) {
    if (sum.isPresent()) {
      return object
          .field(sum.get())
          .filter(f -> access.visible(f.name()))
          .filter(f -> f.type() instanceof FieldType.Decimal);
    }
    return object.fields().stream()
        .filter(f -> f.type() instanceof FieldType.Currency && access.visible(f.name()))
        .findFirst();
  }

  @Override
  public String getPageTitle() {
    return object == null ? "Relata" : Labels.plural(object) + " · Relata";
  }
}
