package io.relata.ui.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.relata.metadata.change.Change;
import io.relata.metadata.change.ModelDiff;
import io.relata.metadata.definition.DefinitionReader;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.kind.DocumentChange;
import io.relata.metadata.kind.DocumentKind;
import io.relata.metadata.kind.DocumentKinds;
import io.relata.metadata.kind.Documents;
import io.relata.platform.metadata.MetadataService;
import io.relata.platform.metadata.Revision;
import io.relata.ui.format.Values;
import io.relata.ui.screen.Workspace;
import io.relata.ui.session.UserSettings;
import io.relata.ui.shell.MainLayout;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * The model's revisions, newest first, each with a revert: a new revision with that one's
 * documents, fields renamed since renamed back and fields and objects deleted since restored with
 * their values while they are kept. The revert shows its plan like any change.
 */
@Route(value = "setup/revisions", layout = MainLayout.class)
public class RevisionsView extends SetupPage {

  private static final int SHOWN = 200;

  private final MetadataService metadata;
  private final Grid<Revision> grid = new Grid<>();

  @Inject
  public RevisionsView(Workspace workspace, MetadataService metadata) {
    super(workspace);
    this.metadata = metadata;
    grid.setId("setup-revisions");
    grid.setAllRowsVisible(true);
    add(
        back(getTranslation("setup.title"), SetupView.class, RouteParameters.empty()),
        new H1(getTranslation("setup.revisions.title")),
        grid);
  }

  @Override
  boolean enter(BeforeEnterEvent event, Workspace.View view) {
    Values values = UserSettings.current().orElseThrow().values();
    long current = metadata.current().revision();
    grid.removeAllColumns();
    grid.addColumn(Revision::number)
        .setHeader(getTranslation("setup.revisions.number"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addColumn(r -> values.dateTime(r.createdAt().toString()))
        .setHeader(getTranslation("setup.revisions.at"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addColumn(Revision::comment).setHeader(getTranslation("setup.revisions.comment"));
    grid.addComponentColumn(
            r -> {
              if (r.number() == current) {
                return new Div();
              }
              Button revert = new Button(getTranslation("setup.revisions.revert"), e -> revert(r));
              revert.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
              revert.setId("setup-revert-" + r.number());
              return revert;
            })
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.setItemDetailsRenderer(new ComponentRenderer<>(this::changes));
    grid.setDetailsVisibleOnClick(true);
    grid.setItems(metadata.revisions(SHOWN));
    return true;
  }

  /**
   * What a revision changed, in words, document by document (an object's fields one by one), each
   * with a way to undo just that document: it goes back to how the revision before had it, fields
   * renamed or deleted since coming back with their values.
   */
  private Component changes(Revision summary) {
    Div changes = new Div();
    changes.addClassName("relata-revision-changes");
    changes.setId("setup-changes-" + summary.number());
    Revision now = metadata.revision(summary.number()).orElseThrow();
    Optional<Revision> before =
        summary.number() > 1 ? metadata.revision(summary.number() - 1) : Optional.empty();
    Documents was = before.map(Revision::documents).orElse(Documents.EMPTY);
    List<DocumentChange> documents = DocumentChange.between(was, now.documents());
    if (documents.isEmpty()) {
      changes.add(new Span(getTranslation("setup.change.none")));
      return changes;
    }
    for (DocumentChange change : documents) {
      Div line = new Div();
      line.addClassName("relata-revision-change");
      String kind = SetupAccess.kind(this, change.kind());
      line.add(
          new Span(
              getTranslation(
                  "setup.change." + change.type().name().toLowerCase(java.util.Locale.ROOT),
                  kind,
                  change.name())));
      if (change.kind().equals(DocumentKinds.OBJECTS.id())) {
        UnorderedList fields = new UnorderedList();
        for (Change field : fieldChanges(was, now.documents(), change.name())) {
          fields.add(new ListItem(words(field)));
        }
        if (fields.getChildren().findAny().isPresent()) {
          line.add(fields);
        }
      }
      if (before.isPresent()) {
        Button undo =
            new Button(getTranslation("setup.change.undo"), e -> undo(before.get(), change));
        undo.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        undo.setId("setup-undo-" + summary.number() + "-" + change.kind() + "-" + change.name());
        line.add(undo);
      }
      changes.add(line);
    }
    return changes;
  }

  private static List<Change> fieldChanges(Documents was, Documents now, String object) {
    List<ObjectDefinition> old =
        was.find(DocumentKinds.OBJECTS, object).map(DefinitionReader::object).stream().toList();
    List<ObjectDefinition> current =
        now.find(DocumentKinds.OBJECTS, object).map(DefinitionReader::object).stream().toList();
    return ModelDiff.between(old, current).stream()
        .filter(c -> !(c instanceof Change.ObjectAdded) && !(c instanceof Change.ObjectRemoved))
        .toList();
  }

  /** One change of an object's definition, as an admin reads it. */
  private String words(Change change) {
    if (change instanceof Change.FieldAdded added) {
      return getTranslation("setup.change.field-added", added.field().name());
    } else if (change instanceof Change.FieldRemoved removed) {
      return getTranslation("setup.change.field-removed", removed.field().name());
    } else if (change instanceof Change.FieldRenamed renamed) {
      return getTranslation("setup.change.field-renamed", renamed.from(), renamed.to());
    } else if (change instanceof Change.FieldChanged changed) {
      return getTranslation("setup.change.field-changed", changed.after().name());
    } else if (change instanceof Change.ObjectChanged changed) {
      return getTranslation(
          "setup.change.parts",
          String.join(
              ", ",
              changed.parts().stream()
                  .sorted()
                  .map(part -> SetupAccess.texts(this).apply("setup.property." + part))
                  .map(text -> text == null ? "" : text)
                  .toList()));
    }
    return change.toString();
  }

  /** Puts one document back as revision {@code before} had it (or takes it away if it had none). */
  private void undo(Revision before, DocumentChange change) {
    DocumentKind kind = DocumentKinds.find(change.kind()).orElseThrow();
    Optional<JsonNode> then = metadata.revertedTo(before).find(kind, change.name());
    new Changes(metadata, actor(), this)
        .propose(
            getTranslation(
                "setup.change.undo-plan", SetupAccess.kind(this, kind.id()), change.name()),
            docs ->
                then.map(doc -> docs.put(kind, doc))
                    .orElseGet(() -> docs.remove(kind, change.name())),
            "revert " + kind.id() + "/" + change.name() + " to revision " + before.number(),
            problems -> Changes.notify(problems, getLocale()),
            revision -> grid.setItems(metadata.revisions(SHOWN)));
  }

  private void revert(Revision summary) {
    Revision target = metadata.revision(summary.number()).orElseThrow();
    Documents documents = metadata.revertedTo(target);
    new Changes(metadata, actor(), this)
        .propose(
            getTranslation("setup.revisions.plan", String.valueOf(target.number())),
            current -> documents,
            "revert to revision " + target.number(),
            problems -> Changes.notify(problems, getLocale()),
            revision -> grid.setItems(metadata.revisions(SHOWN)));
  }

  @Override
  public String getPageTitle() {
    return getTranslation("setup.revisions.title");
  }
}
