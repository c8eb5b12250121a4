package io.relata.ui.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.relata.metadata.access.SystemPermission;
import io.relata.metadata.kind.DocumentKind;
import io.relata.metadata.kind.DocumentKinds;
import io.relata.metadata.kind.Documents;
import io.relata.platform.metadata.MetadataService;
import io.relata.ui.screen.Workspace;
import io.relata.ui.session.SignedInUser;
import io.relata.ui.shell.MainLayout;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;

/** The documents of one kind, by label, each leading to its editor; and a new one. */
@Route(value = "setup/:kind", layout = MainLayout.class)
public class KindView extends Div implements BeforeEnterObserver, HasDynamicTitle {

  private final Workspace workspace;
  private final MetadataService metadata;
  private DocumentKind kind;

  @Inject
  public KindView(Workspace workspace, MetadataService metadata) {
    this.workspace = workspace;
    this.metadata = metadata;
    addClassName("relata-page");
    addClassName("relata-setup");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    Workspace.View view = workspace.of(SignedInUser.current().orElseThrow());
    if (!SetupAccess.require(event, view, SystemPermission.MANAGE_METADATA)) {
      return;
    }
    kind = DocumentKinds.find(event.getRouteParameters().get("kind").orElse("")).orElse(null);
    if (kind == null) {
      event.rerouteToError(NotFoundException.class);
      return;
    }
    removeAll();
    RouterLink back = new RouterLink(getTranslation("setup.title"), SetupView.class);
    back.addClassName("relata-setup-back");
    H1 title = new H1(SetupAccess.kind(this, kind.id()));
    Button add =
        new Button(
            getTranslation("setup.new"),
            VaadinIcon.PLUS.create(),
            e ->
                getUI()
                    .ifPresent(
                        ui ->
                            ui.navigate(
                                DocumentView.class,
                                new RouteParameters(
                                    java.util.Map.of(
                                        "kind", kind.id(), "name", DocumentView.NEW)))));
    add.setId("setup-new");
    add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    HorizontalLayout head = new HorizontalLayout(title, add);
    head.addClassName("relata-setup-head");
    head.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
    add(back, head);
    List<JsonNode> documents =
        Documents.of(metadata.current()).of(kind).stream()
            .sorted(Comparator.comparing(d -> d.path("label").asText(d.path("name").asText())))
            .toList();
    if (documents.isEmpty()) {
      Paragraph none = new Paragraph(getTranslation("setup.none"));
      none.setId("setup-none");
      add(none);
      return;
    }
    Grid<JsonNode> grid = new Grid<>();
    grid.setId("setup-documents");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    grid.addColumn(d -> d.path("label").asText(d.path("title").asText("")))
        .setHeader(getTranslation("setup.property.label"))
        .setFlexGrow(2);
    grid.addColumn(d -> d.path("name").asText())
        .setHeader(getTranslation("setup.property.name"))
        .setFlexGrow(1);
    grid.addColumn(d -> d.path("description").asText(""))
        .setHeader(getTranslation("setup.property.description"))
        .setFlexGrow(3);
    grid.setItems(documents);
    grid.setAllRowsVisible(true);
    grid.addItemClickListener(
        e ->
            getUI()
                .ifPresent(
                    ui ->
                        ui.navigate(
                            DocumentView.class,
                            new RouteParameters(
                                java.util.Map.of(
                                    "kind",
                                    kind.id(),
                                    "name",
                                    e.getItem().path("name").asText())))));
    add(grid);
  }

  @Override
  public String getPageTitle() {
    return kind == null ? getTranslation("setup.title") : SetupAccess.kind(this, kind.id());
  }
}
