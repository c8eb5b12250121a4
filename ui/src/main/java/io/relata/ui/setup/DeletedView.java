package io.relata.ui.setup;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.relata.platform.metadata.MetadataService;
import io.relata.platform.schema.SetAsides.SetAside;
import io.relata.platform.setaside.DeletedItems;
import io.relata.platform.setaside.SetAsidePurge;
import io.relata.ui.format.Values;
import io.relata.ui.screen.ConfirmDelete;
import io.relata.ui.screen.Problems;
import io.relata.ui.screen.Workspace;
import io.relata.ui.session.UserSettings;
import io.relata.ui.shell.MainLayout;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;

/**
 * The fields and objects deleted in the last 15 days, which can still be restored with their
 * values, or erased at once; the nightly purge erases each when its days are over.
 */
@Route(value = "setup/deleted", layout = MainLayout.class)
public class DeletedView extends SetupPage {

  private final MetadataService metadata;
  private final DeletedItems deleted;
  private final Grid<SetAside> grid = new Grid<>();
  private final Paragraph none = new Paragraph();

  @Inject
  public DeletedView(Workspace workspace, MetadataService metadata, DeletedItems deleted) {
    super(workspace);
    this.metadata = metadata;
    this.deleted = deleted;
    RouterLink back = back(getTranslation("setup.title"), SetupView.class, RouteParameters.empty());
    grid.setId("setup-deleted");
    grid.setAllRowsVisible(true);
    none.setText(getTranslation("setup.deleted.none"));
    none.setId("setup-deleted-none");
    add(back, new H1(getTranslation("setup.deleted.title")), none, grid);
  }

  @Override
  boolean enter(BeforeEnterEvent event, Workspace.View view) {
    Values values = UserSettings.current().orElseThrow().values();
    grid.removeAllColumns();
    grid.addColumn(e -> e.definition().path("label").asText())
        .setHeader(getTranslation("setup.deleted.what"))
        .setFlexGrow(2);
    grid.addColumn(
            e ->
                e.field().isPresent()
                    ? getTranslation("setup.deleted.field-of", e.object())
                    : getTranslation("setup.deleted.object"))
        .setHeader(getTranslation("setup.deleted.kind"))
        .setFlexGrow(2);
    grid.addColumn(e -> values.number(java.math.BigDecimal.valueOf(e.count()), 0))
        .setHeader(getTranslation("setup.deleted.count"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addColumn(e -> values.dateTime(e.setAsideAt().toString()))
        .setHeader(getTranslation("setup.deleted.at"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addColumn(e -> values.dateTime(e.erasedAfter().toString()))
        .setHeader(getTranslation("setup.deleted.until"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
    show();
    return true;
  }

  private HorizontalLayout actions(SetAside entry) {
    String id = entry.object() + entry.field().map(f -> "-" + f).orElse("");
    Button restore = new Button(getTranslation("setup.deleted.restore"), e -> restore(entry));
    restore.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
    restore.setId("setup-restore-" + id);
    Button erase =
        new Button(
            getTranslation("setup.deleted.erase"),
            e ->
                ConfirmDelete.open(
                    "setup-erase-confirm",
                    getTranslation(
                        "setup.deleted.erase-question", entry.definition().path("label").asText()),
                    getTranslation("setup.deleted.erase"),
                    "setup-erase-yes",
                    () -> erase(entry)));
    erase.addThemeVariants(
        ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
    erase.setId("setup-erase-" + id);
    return new HorizontalLayout(restore, erase);
  }

  private void show() {
    List<SetAside> entries;
    try {
      entries = deleted.list(actor());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read what was deleted", e);
    }
    grid.setItems(entries);
    grid.setVisible(!entries.isEmpty());
    none.setVisible(entries.isEmpty());
  }

  private void restore(SetAside entry) {
    if (entry.field().isPresent() && metadata.current().object(entry.object()).isEmpty()) {
      Problems.notify(List.of(getTranslation("setup.deleted.object-first", entry.object())));
      return;
    }
    new Changes(metadata, actor(), this)
        .propose(
            getTranslation("setup.deleted.plan", entry.definition().path("label").asText()),
            docs -> DeletedItems.restore(entry).apply(docs),
            "restore " + entry.object() + entry.field().map(f -> "." + f).orElse(""),
            problems -> Changes.notify(problems, getLocale()),
            revision -> show());
  }

  private void erase(SetAside entry) {
    try {
      deleted.erase(actor(), entry);
    } catch (SetAsidePurge.Busy busy) {
      Problems.notify(List.of(getTranslation("setup.deleted.busy")));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot erase " + entry.object(), e);
    }
    show();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("setup.deleted.title");
  }
}
