package io.relata.ui.screen;

import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.model.CompiledModel;
import io.relata.metadata.presentation.App;
import io.relata.metadata.presentation.Dashboard;
import io.relata.metadata.presentation.Widget;
import io.relata.platform.access.AccessEvaluator;
import io.relata.platform.access.ObjectAccess;
import io.relata.platform.access.Permissions;
import io.relata.platform.identity.Actor;
import io.relata.platform.metadata.Descriptions;
import io.relata.platform.metadata.MetadataService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the signed-in user may see of the current metadata, for one screen: the objects they may
 * read and their access to each. Screens decide no access themselves; they ask this, which asks the
 * platform's evaluator, and every read and write goes through the platform's services again.
 */
@ApplicationScoped
public class Workspace {

  @Inject private MetadataService metadata;
  @Inject private Permissions permissions;

  /** The user's view of the current revision, decided now. */
  public View of(Actor actor) {
    CompiledModel model = metadata.current();
    return new View(actor, model, permissions.evaluator(actor, model));
  }

  /** One user's view of one metadata revision. */
  public static final class View {
    private final Actor actor;
    private final CompiledModel model;
    private final AccessEvaluator evaluator;

    View(Actor actor, CompiledModel model, AccessEvaluator evaluator) {
      this.actor = actor;
      this.model = model;
      this.evaluator = evaluator;
    }

    public Actor actor() {
      return actor;
    }

    public long revision() {
      return model.revision();
    }

    /** The object, when it exists and the user may read its records; empty otherwise. */
    public Optional<ObjectDefinition> readable(String name) {
      return model.object(name).filter(o -> evaluator.on(o).rights().read());
    }

    /**
     * The object the address names ({@code :object}) when the user may read it; otherwise the one
     * "not found" page is shown instead, and the answer is empty.
     */
    public Optional<ObjectDefinition> routed(com.vaadin.flow.router.BeforeEnterEvent event) {
      Optional<ObjectDefinition> found =
          readable(event.getRouteParameters().get("object").orElse(""));
      if (found.isEmpty()) {
        event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
      }
      return found;
    }

    /** The objects the user may read, by label in {@code locale}'s order. */
    public List<ObjectDefinition> readableObjects(Locale locale) {
      java.text.Collator collator = java.text.Collator.getInstance(locale);
      return model.objects().stream()
          .filter(o -> evaluator.on(o).rights().read())
          .sorted(Comparator.comparing(ObjectDefinition::pluralLabel, collator))
          .toList();
    }

    /** An app as the user sees it: the objects of it they may read, in the app's order. */
    public record VisibleApp(App app, List<ObjectDefinition> objects) {}

    /** The apps with something in them for the user: an object they may read, or a home. */
    public List<VisibleApp> apps() {
      return model.presentation().apps().stream()
          .map(
              app ->
                  new VisibleApp(
                      app, app.objects().stream().flatMap(o -> readable(o).stream()).toList()))
          .filter(app -> !app.objects().isEmpty() || app.app().home().isPresent())
          .toList();
    }

    /** The shared dashboard {@code name}, when it has a widget the user may see. */
    public Optional<Dashboard> dashboard(String name) {
      return model.presentation().dashboard(name).filter(this::shown);
    }

    /** The shared dashboards with a widget the user may see, in the model's order. */
    public List<Dashboard> dashboards() {
      return model.presentation().dashboards().stream().filter(this::shown).toList();
    }

    /**
     * Whether the user may see the widget: they read its object, and it names no field hidden from
     * them (the platform's one decision, {@link Descriptions#visible}).
     */
    public boolean visible(Widget widget) {
      return readable(widget.object())
          .map(object -> Descriptions.visible(evaluator.on(object), widget))
          .orElse(false);
    }

    /** The shared dashboard's document, a copy: what a user's own copy of it starts from. */
    public Optional<com.fasterxml.jackson.databind.node.ObjectNode> dashboardDocument(String name) {
      return model.presentation().dashboardDocuments().stream()
          .filter(d -> name.equals(d.path("name").asText()))
          .findFirst()
          .map(d -> (com.fasterxml.jackson.databind.node.ObjectNode) d);
    }

    /** Widget {@code index} of the shared dashboard's document, a copy. */
    public Optional<com.fasterxml.jackson.databind.node.ObjectNode> dashboardWidget(
        String name, int index) {
      return dashboardDocument(name)
          .map(d -> d.path("widgets").get(index))
          .filter(com.fasterxml.jackson.databind.JsonNode::isObject)
          .map(w -> (com.fasterxml.jackson.databind.node.ObjectNode) w);
    }

    private boolean shown(Dashboard dashboard) {
      return dashboard.widgets().stream().anyMatch(this::visible);
    }

    /** The user's access to {@code object}. */
    public ObjectAccess access(ObjectDefinition object) {
      return evaluator.on(object);
    }

    public boolean holds(io.relata.metadata.access.SystemPermission permission) {
      return evaluator.holds(permission);
    }

    /** Whether Setup is the user's: they change the model or the users, or read the audit. */
    public boolean configures() {
      return holds(io.relata.metadata.access.SystemPermission.MANAGE_METADATA)
          || holds(io.relata.metadata.access.SystemPermission.MANAGE_USERS)
          || holds(io.relata.metadata.access.SystemPermission.VIEW_AUDIT);
    }
  }
}
