package io.relata.ui.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.relata.metadata.kind.DocumentKind;
import io.relata.metadata.kind.DocumentKinds;
import io.relata.metadata.kind.Documents;
import io.relata.platform.metadata.MetadataService;
import io.relata.ui.screen.Workspace;
import io.relata.ui.shell.MainLayout;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The documents of one kind, by label, each leading to its editor; and a new one. */
@Route(value = "setup/:kind", layout = MainLayout.class)
public class KindView extends SetupPage {

  private final MetadataService metadata;
  private DocumentKind kind;

  @Inject
  public KindView(Workspace workspace, MetadataService metadata) {
    super(workspace);
    this.metadata = metadata;
  }

  @Override
  boolean enter(BeforeEnterEvent event, Workspace.View view) {
    kind = DocumentKinds.find(event.getRouteParameters().get("kind").orElse("")).orElse(null);
    if (kind == null) {
      return false;
    }
    render();
    return true;
  }

  private void render() {
    removeAll();
    RouterLink back = back(getTranslation("setup.title"), SetupView.class, RouteParameters.empty());
    H1 title = new H1(SetupAccess.kind(this, kind.id()));
    Button add =
        new Button(
            getTranslation("setup.new"), VaadinIcon.PLUS.create(), e -> open(DocumentView.NEW));
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
    if (kind == DocumentKinds.ROLES) {
      add(new Paragraph(getTranslation("setup.roles.drag")), new RoleTree(documents, this::move));
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
    grid.addItemClickListener(e -> open(e.getItem().path("name").asText()));
    add(grid);
  }

  /** A role dragged under another, or to the top: its document's parent changed, as any change. */
  private void move(String role, Optional<String> parent) {
    Optional<JsonNode> current = Documents.of(metadata.current()).find(DocumentKinds.ROLES, role);
    if (current.isEmpty()) {
      return;
    }
    ObjectNode moved = current.get().deepCopy();
    parent.ifPresentOrElse(p -> moved.put("parent", p), () -> moved.remove("parent"));
    new Changes(metadata, actor(), this)
        .propose(
            getTranslation("setup.plan.title"),
            docs -> docs.put(DocumentKinds.ROLES, moved),
            "setup: move role " + role,
            problems -> Changes.notify(problems, getLocale()),
            revision -> render());
  }

  /** Opens the document {@code name} of this kind in its editor. */
  private void open(String name) {
    getUI()
        .ifPresent(
            ui ->
                ui.navigate(
                    DocumentView.class,
                    new RouteParameters(java.util.Map.of("kind", kind.id(), "name", name))));
  }

  @Override
  public String getPageTitle() {
    return kind == null ? getTranslation("setup.title") : SetupAccess.kind(this, kind.id());
  }
}
