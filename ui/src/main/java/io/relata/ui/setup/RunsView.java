package io.relata.ui.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.relata.metadata.access.SystemPermission;
import io.relata.metadata.kind.DocumentKinds;
import io.relata.metadata.kind.Documents;
import io.relata.platform.access.Permissions;
import io.relata.platform.automation.RunLog;
import io.relata.platform.metadata.MetadataService;
import io.relata.ui.format.Values;
import io.relata.ui.record.RecordView;
import io.relata.ui.screen.Workspace;
import io.relata.ui.session.UserSettings;
import io.relata.ui.shell.MainLayout;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The automations' run log, for holders of {@code manage-metadata}: each run newest first, by
 * automation and outcome — what set it off, on which record, how it ended and why, and how long it
 * took — a page at a time.
 */
@Route(value = "setup/runs", layout = MainLayout.class)
public class RunsView extends SetupPage {

  private static final int PAGE = 50;
  private static final List<String> OUTCOMES = List.of("", "done", "refused", "failed");

  private final RunLog runs;
  private final Permissions permissions;
  private final MetadataService metadata;
  private final List<ObjectNode> shown = new ArrayList<>();
  private Grid<ObjectNode> grid;
  private ComboBox<String> automation;
  private Select<String> outcome;
  private Button more;

  @Inject
  public RunsView(
      Workspace workspace, RunLog runs, Permissions permissions, MetadataService metadata) {
    super(workspace);
    this.runs = runs;
    this.permissions = permissions;
    this.metadata = metadata;
  }

  @Override
  boolean enter(BeforeEnterEvent event, Workspace.View view) {
    removeAll();
    // drawn anew on each visit: a view kept from an earlier one adds no second listener
    grid = new Grid<>();
    automation = new ComboBox<>();
    outcome = new Select<>();
    more = new Button();
    Values values = UserSettings.current().orElseThrow().values();
    Map<String, String> automations = new LinkedHashMap<>();
    Documents.of(metadata.current()).of(DocumentKinds.AUTOMATIONS).stream()
        .sorted(Comparator.comparing(d -> d.path("label").asText()))
        .forEach(d -> automations.put(d.path("name").asText(), d.path("label").asText()));
    grid.setId("runs-grid");
    grid.addClassName("relata-setup-grid");
    grid.addColumn(run -> values.dateTime(run.path("at").asText()))
        .setHeader(getTranslation("setup.runs.at"))
        .setAutoWidth(true);
    grid.addColumn(
            run ->
                automations.getOrDefault(
                    run.path("automation").asText(), run.path("automation").asText()))
        .setHeader(getTranslation("setup.runs.automation"))
        .setAutoWidth(true);
    grid.addColumn(run -> run.path("trigger").asText())
        .setHeader(getTranslation("setup.runs.trigger"))
        .setAutoWidth(true);
    grid.addComponentColumn(this::record)
        .setHeader(getTranslation("setup.runs.record"))
        .setAutoWidth(true);
    grid.addComponentColumn(this::badge)
        .setHeader(getTranslation("setup.runs.outcome"))
        .setAutoWidth(true);
    grid.addColumn(run -> text(run.path("reason")))
        .setHeader(getTranslation("setup.runs.reason"))
        .setTooltipGenerator(run -> text(run.path("reason")))
        .setFlexGrow(1);
    grid.addColumn(run -> getTranslation("setup.runs.millis", run.path("millis").asInt()))
        .setHeader(getTranslation("setup.runs.took"))
        .setAutoWidth(true);
    grid.setAllRowsVisible(true);
    automation.setId("runs-automation");
    automation.setLabel(getTranslation("setup.runs.automation"));
    automation.setItems(automations.keySet());
    automation.setItemLabelGenerator(name -> automations.getOrDefault(name, name));
    automation.setClearButtonVisible(true);
    automation.addValueChangeListener(e -> reload());
    outcome.setId("runs-outcome");
    outcome.setLabel(getTranslation("setup.runs.outcome"));
    outcome.setItems(OUTCOMES);
    outcome.setItemLabelGenerator(
        o -> getTranslation(o.isEmpty() ? "setup.runs.all" : "setup.runs." + o));
    outcome.setValue("");
    outcome.addValueChangeListener(e -> reload());
    more.setText(getTranslation("setup.jobs.more"));
    more.setId("runs-more");
    more.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    more.addClickListener(e -> page());
    HorizontalLayout filters = new HorizontalLayout(automation, outcome);
    filters.addClassName("relata-setup-filters");
    add(
        back(getTranslation("setup.title"), SetupView.class, RouteParameters.empty()),
        new H1(getTranslation("setup.runs.title")),
        filters,
        grid,
        more);
    reload();
    return true;
  }

  private void reload() {
    shown.clear();
    page();
  }

  /** The next page of runs, after those shown. */
  private void page() {
    permissions.require(actor(), SystemPermission.MANAGE_METADATA);
    Optional<UUID> after =
        shown.isEmpty()
            ? Optional.empty()
            : Optional.of(UUID.fromString(shown.get(shown.size() - 1).path("id").asText()));
    List<ObjectNode> found;
    try {
      runs.flush();
      found =
          runs.list(
              Optional.ofNullable(automation.getValue()),
              Optional.empty(),
              Optional.ofNullable(outcome.getValue()).filter(o -> !o.isEmpty()),
              after,
              PAGE + 1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the run log", e);
    }
    shown.addAll(found.subList(0, Math.min(PAGE, found.size())));
    more.setVisible(found.size() > PAGE);
    grid.setItems(shown);
  }

  private Component record(ObjectNode run) {
    JsonNode record = run.path("record");
    if (!record.isTextual()) {
      return new Span("—");
    }
    RouterLink link =
        new RouterLink(
            run.path("object").asText(),
            RecordView.class,
            new RouteParameters(
                Map.of("object", run.path("object").asText(), "id", record.asText())));
    link.addClassName("relata-setup-run-record");
    return link;
  }

  private Span badge(ObjectNode run) {
    String ended = run.path("outcome").asText();
    Span badge = new Span(getTranslation("setup.runs." + ended));
    badge.addClassNames("relata-status", "relata-status-run-" + ended);
    return badge;
  }

  private static String text(JsonNode value) {
    return value.isNull() || value.isMissingNode() ? "" : value.asText();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("setup.runs.title");
  }
}
