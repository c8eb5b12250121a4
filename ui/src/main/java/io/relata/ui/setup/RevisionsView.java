package io.relata.ui.setup;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.relata.metadata.kind.DocumentKinds;
import io.relata.metadata.kind.Documents;
import io.relata.platform.metadata.MetadataService;
import io.relata.platform.metadata.Revision;
import io.relata.ui.format.Values;
import io.relata.ui.screen.Problems;
import io.relata.ui.screen.Workspace;
import io.relata.ui.session.UserSettings;
import io.relata.ui.shell.MainLayout;
import jakarta.inject.Inject;
import java.util.List;

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
    grid.setItems(metadata.revisions(SHOWN));
    return true;
  }

  private void revert(Revision summary) {
    Revision target = metadata.revision(summary.number()).orElseThrow();
    List<Revision> all = metadata.revisions(10_000);
    Documents documents =
        target.documents().with(DocumentKinds.OBJECTS, metadata.revertDocuments(target, all));
    new Changes(metadata, actor(), this)
        .propose(
            getTranslation("setup.revisions.plan", String.valueOf(target.number())),
            current -> documents,
            "revert to revision " + target.number(),
            problems ->
                Problems.notify(
                    problems.entrySet().stream()
                        .flatMap(
                            e ->
                                Changes.messages(e.getValue(), getLocale()).entrySet().stream()
                                    .map(m -> e.getKey() + m.getKey() + ": " + m.getValue()))
                        .toList()),
            revision -> grid.setItems(metadata.revisions(SHOWN)));
  }

  @Override
  public String getPageTitle() {
    return getTranslation("setup.revisions.title");
  }
}
