package io.relata.ui.approval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.html.Div;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.platform.approval.Approvals;
import io.relata.platform.identity.Actor;
import io.relata.ui.format.Values;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * On a record's page, the request it awaits, if any: the record is locked until the request is
 * decided or recalled, and its approvers decide it here.
 */
public class ApprovalBanner extends Div {

  private final Approvals approvals;
  private final Actor actor;
  private final ObjectDefinition object;
  private final UUID record;
  private final Values values;
  private final Runnable changed;
  private boolean pending;

  public ApprovalBanner(
      Approvals approvals,
      Actor actor,
      ObjectDefinition object,
      UUID record,
      Values values,
      Runnable changed) {
    this.approvals = approvals;
    this.actor = actor;
    this.object = object;
    this.record = record;
    this.values = values;
    this.changed = changed;
    setId("approval-banner");
    addClassName("relata-approval-banner");
    show();
  }

  /** Reads the record's pending request again. */
  public void show() {
    removeAll();
    List<ObjectNode> found;
    try {
      found =
          approvals.list(
              actor,
              false,
              Optional.of("pending"),
              Optional.of(object.name()),
              Optional.of(record),
              Optional.empty(),
              1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    pending = !found.isEmpty() || awaits();
    setVisible(!found.isEmpty());
    if (!found.isEmpty()) {
      add(
          new ApprovalCard(
              approvals, actor, found.get(0), Optional.of(object), values, false, changed));
    }
  }

  /**
   * Whether the record awaits approval: it is locked, whether or not the reader sees the request.
   */
  public boolean pending() {
    return pending;
  }

  private boolean awaits() {
    try {
      return approvals.awaits(object.name(), record);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
