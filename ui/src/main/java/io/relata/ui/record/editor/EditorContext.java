package io.relata.ui.record.editor;

import io.relata.metadata.definition.ObjectDefinition;
import io.relata.platform.directory.Users;
import io.relata.platform.identity.Actor;
import io.relata.platform.record.RecordService;
import io.relata.ui.format.Values;
import io.relata.ui.screen.Workspace;

/**
 * What editors need besides their field: the user, their formats, the services that look up records
 * and users for lookups, and, where the screen offers it, a way to create the record a lookup
 * should point at.
 */
public record EditorContext(
    Actor actor,
    Values values,
    ObjectDefinition object,
    Workspace.View view,
    RecordService records,
    Users users,
    java.util.Optional<QuickCreator> creator) {

  /** This context, its lookups offering to create their records with {@code creator}. */
  public EditorContext creating(QuickCreator creator) {
    return new EditorContext(
        actor, values, object, view, records, users, java.util.Optional.of(creator));
  }

  /** The same user and services, on {@code other}. */
  public EditorContext on(ObjectDefinition other) {
    return new EditorContext(actor, values, other, view, records, users, creator);
  }

  /** The context of the signed-in user's screen on {@code object}. */
  public static EditorContext of(
      Workspace.View view, ObjectDefinition object, RecordService records, Users users) {
    return new EditorContext(
        view.actor(),
        io.relata.ui.session.UserSettings.current().orElseThrow().values(),
        object,
        view,
        records,
        users,
        java.util.Optional.empty());
  }
}
