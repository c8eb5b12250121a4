package io.relata.ui.list;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import io.relata.metadata.condition.ConditionException;
import io.relata.metadata.condition.ConditionParser;
import io.relata.metadata.condition.Expression;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldKind;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.ListView;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.type.FieldTypes;
import io.relata.platform.access.ObjectAccess;
import io.relata.platform.identity.Actor;
import io.relata.platform.message.Messages;
import io.relata.platform.record.RecordLists;
import io.relata.platform.record.RecordService;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.ui.format.Values;
import io.relata.ui.screen.Address;
import io.relata.ui.screen.Labels;
import io.relata.ui.screen.Workspace;
import io.relata.ui.session.SignedInUser;
import io.relata.ui.session.UserSettings;
import io.relata.ui.shell.MainLayout;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The records of one object as a list: a saved view or the default columns, a filter in the one
 * condition language, a quick search, sort by header, and a grid that reads only what is on screen,
 * however many records there are. View, filter, search and sort are in the address, so a list can
 * be bookmarked and shared.
 */
@Route(value = "o/:object", layout = MainLayout.class)
public class ObjectListView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

  private final Workspace workspace;
  private final RecordService records;
  private final io.relata.platform.directory.Users users;
  private final io.relata.platform.bulk.BulkRunner runner;
  private final java.time.Clock clock;
  private final Div bulkPlace = new Div();
  private BulkActions bulk;
  private com.vaadin.flow.shared.Registration selection;
  private final H1 title = new H1();
  private final Span count = new Span();
  private final Select<Optional<ListView>> views = new Select<>();
  private final TextField search = new TextField();
  private final TextField filter = new TextField();
  private final Button create = new Button();
  private final Button board = new Button();
  private final com.vaadin.flow.component.html.Anchor export =
      new com.vaadin.flow.component.html.Anchor();
  private final Grid<ObjectNode> grid = new Grid<>();

  private ObjectDefinition object;
  private ObjectAccess access;
  private Values values;
  private boolean updating;
  private com.vaadin.flow.shared.Registration resize;
  private static final String CARD = "_card";
  private static final int NARROW = 600;

  /** The window's width as last seen; 0 before it is known. */
  private int width;

  private final io.relata.platform.view.PersonalViews personal;
  private final SavedViews saved;

  private Optional<Expression> condition = Optional.empty();
  private List<FieldDefinition> columns = List.of();
  private Optional<List<String>> picked = Optional.empty();
  private final Button chooser = new Button();
  private final Button importing = new Button();
  private com.vaadin.flow.component.contextmenu.ContextMenu menu;
  private RecordLists.Total total = new RecordLists.Total(0, true);

  @Inject
  public ObjectListView(
      Workspace workspace,
      RecordService records,
      io.relata.platform.directory.Users users,
      io.relata.platform.bulk.BulkRunner runner,
      io.relata.platform.view.PersonalViews personal,
      java.time.Clock clock) {
    this.workspace = workspace;
    this.personal = personal;
    this.saved =
        new SavedViews(
            personal,
            () ->
                new SavedViews.Shown(
                    SignedInUser.current().orElseThrow(),
                    object,
                    columns.stream().map(FieldDefinition::name).toList(),
                    filter.getValue(),
                    currentSort(),
                    views.getValue()),
            this::savedViewsChanged);
    this.records = records;
    this.users = users;
    this.runner = runner;
    this.clock = clock;
    addClassName("relata-page");
    setSizeFull();
    title.setId("list-title");
    count.setId("list-count");
    count.addClassName("relata-count");
    create.setId("list-new");
    create.setText(getTranslation("list.new"));
    create.setIcon(VaadinIcon.PLUS.create());
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    create.addClickListener(e -> quickCreate());
    HorizontalLayout header = new HorizontalLayout(title, count);
    header.setAlignItems(FlexComponent.Alignment.BASELINE);
    header.addClassName("relata-list-header");
    board.setId("list-board");
    board.setText(getTranslation("list.board"));
    board.setIcon(VaadinIcon.GRID_BIG_O.create());
    board.addClickListener(
        e -> getUI().ifPresent(ui -> ui.navigate("o/" + object.name() + "/board")));
    export.setId("list-export");
    export.setText(getTranslation("list.export"));
    export.getElement().setAttribute("download", true);
    export.addClassName("relata-export");
    importing.setId("list-import");
    importing.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    importing.setText(getTranslation("list.import"));
    importing.setIcon(VaadinIcon.UPLOAD_ALT.create());
    importing.addClickListener(
        e -> getUI().ifPresent(ui -> ui.navigate("o/" + object.name() + "/import")));
    HorizontalLayout actions = new HorizontalLayout(export, importing, board, create);
    actions.setAlignItems(FlexComponent.Alignment.CENTER);
    actions.addClassName("relata-list-actions");
    HorizontalLayout top = new HorizontalLayout(header, actions);
    top.addClassName("relata-list-top");
    top.setWidthFull();
    top.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
    top.setAlignItems(FlexComponent.Alignment.CENTER);

    views.setId("list-view");
    views.setAriaLabel(getTranslation("list.view"));
    views.addValueChangeListener(
        e -> {
          if (e.isFromClient()) {
            viewChosen();
          }
        });
    search.setId("list-search");
    search.setPlaceholder(getTranslation("list.search"));
    search.setPrefixComponent(VaadinIcon.SEARCH.create());
    search.setClearButtonVisible(true);
    search.addKeyDownListener(Key.ENTER, e -> changed());
    search.addValueChangeListener(
        e -> {
          if (e.getValue().isEmpty() && e.isFromClient()) {
            changed();
          }
        });
    filter.setId("list-filter");
    filter.setPlaceholder(getTranslation("list.filter.placeholder"));
    filter.setPrefixComponent(VaadinIcon.FILTER.create());
    filter.setClearButtonVisible(true);
    filter.setHelperText(getTranslation("list.filter.help"));
    filter.addKeyDownListener(Key.ENTER, e -> changed());
    filter.addValueChangeListener(
        e -> {
          if (e.getValue().isEmpty() && e.isFromClient()) {
            changed();
          }
        });
    chooser.setId("list-columns");
    chooser.setText(getTranslation("list.columns"));
    chooser.setIcon(VaadinIcon.TABLE.create());
    chooser.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    Button builder = new Button(VaadinIcon.SLIDERS.create());
    builder.setId("list-filter-builder");
    builder.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
    builder.setAriaLabel(getTranslation("filter.title"));
    builder.setTooltipText(getTranslation("filter.title"));
    builder.addClickListener(
        e ->
            new FilterBuilder(
                    access.visibleDefinition(),
                    getLocale(),
                    filter.getValue(),
                    text -> {
                      filter.setValue(text);
                      changed();
                    })
                .open());
    HorizontalLayout tools = new HorizontalLayout(views, search, filter, builder, chooser, saved);
    tools.setWidthFull();
    tools.setAlignItems(FlexComponent.Alignment.BASELINE);
    tools.expand(filter);
    tools.addClassName("relata-list-tools");

    grid.setId("records-grid");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    grid.setMultiSort(false);
    grid.setSizeFull();
    grid.addSortListener(
        e -> {
          if (e.isFromClient()) {
            load(currentSort());
            remember();
          }
        });
    // the record's name is its link; a click elsewhere on the row selects nothing and opens nothing
    add(top, tools, bulkPlace, grid);
    expand(grid);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    Actor actor = SignedInUser.current().orElseThrow();
    Workspace.View view = workspace.of(actor);
    Optional<ObjectDefinition> found = view.routed(event);
    if (found.isEmpty()) {
      return;
    }
    object = found.get();
    access = view.access(object);
    values = UserSettings.current().orElseThrow().values();
    title.setText(Labels.plural(object));
    create.setVisible(access.rights().create());
    importing.setVisible(access.rights().create());
    export.setVisible(view.holds(io.relata.metadata.access.SystemPermission.EXPORT));
    bulkPlace.removeAll();
    if (BulkActions.offered(access)) {
      grid.setSelectionMode(Grid.SelectionMode.MULTI);
      bulk =
          new BulkActions(
              io.relata.ui.record.editor.EditorContext.of(view, object, records, users),
              access,
              runner,
              clock,
              grid::getSelectedItems,
              () -> {
                grid.deselectAll();
                show(currentSort());
              });
      bulkPlace.add(bulk);
      // this view is reused from object to object: one selection listener at a time
      if (selection != null) {
        selection.remove();
      }
      BulkActions shown = bulk;
      selection = grid.addSelectionListener(e -> shown.selectionChanged());
    } else {
      grid.setSelectionMode(Grid.SelectionMode.NONE);
      bulk = null;
    }
    board.setVisible(
        (object.pipeline().isPresent() && access.visible("stage"))
            || object.fields().stream()
                .anyMatch(f -> f.type() instanceof FieldType.Picklist && access.visible(f.name())));

    updating = true;
    List<Optional<ListView>> choices =
        SavedViews.choices(object, personal.of(actor, object.name()));
    views.setItems(choices);
    views.setItemLabelGenerator(v -> v.map(Labels::view).orElse(getTranslation("list.view.all")));
    views.setRenderer(
        new com.vaadin.flow.data.renderer.ComponentRenderer<>(
            v -> {
              Span label = new Span(v.map(Labels::view).orElse(getTranslation("list.view.all")));
              if (v.filter(SavedViews::personal).isPresent()) {
                label.addComponentAsFirst(VaadinIcon.USER.create());
                label.addClassName("relata-personal-view");
              }
              return label;
            }));
    Optional<ListView> chosen =
        Address.parameter(event, "view")
            .flatMap(
                n ->
                    choices.stream()
                        .flatMap(Optional::stream)
                        .filter(v -> v.name().equals(n))
                        .findFirst());
    views.setValue(chosen);
    saved.chosen(chosen);
    search.setValue(Address.parameter(event, "q").orElse(""));
    picked = Address.parameter(event, "columns").map(c -> List.of(c.split(",")));
    filter.setValue(
        Address.parameter(event, "filter").orElse(chosen.flatMap(ListView::filter).orElse("")));
    Optional<String> sort =
        Address.parameter(event, "sort")
            .or(() -> chosen.map(v -> String.join(",", v.sort())).filter(s -> !s.isEmpty()));
    updating = false;
    show(sort);
  }

  @Override
  public String getPageTitle() {
    return object == null ? "Relata" : Labels.plural(object) + " · Relata";
  }

  private void changed() {
    if (updating || object == null) {
      return;
    }
    show(currentSort());
    remember();
  }

  /** After a save, the saved view is chosen; after a delete, all records. */
  private void savedViewsChanged(Optional<ListView> now) {
    Actor actor = SignedInUser.current().orElseThrow();
    updating = true;
    views.setItems(SavedViews.choices(object, personal.of(actor, object.name())));
    views.setValue(now);
    updating = false;
    saved.chosen(now);
    viewChosen();
  }

  /** A saved view brings its own filter and sort. */
  private void viewChosen() {
    saved.chosen(views.getValue());
    picked = Optional.empty();
    filter.setValue(views.getValue().flatMap(ListView::filter).orElse(""));
    show(views.getValue().map(v -> String.join(",", v.sort())).filter(s -> !s.isEmpty()));
    remember();
  }

  /**
   * A new record in a dialog over the list: the user stays where they work, and finds the record in
   * the list, named in a notification that links to it.
   */
  private void quickCreate() {
    Workspace.View view = workspace.of(SignedInUser.current().orElseThrow());
    io.relata.ui.record.editor.EditorContext context =
        io.relata.ui.record.QuickCreate.offeredIn(
            io.relata.ui.record.editor.EditorContext.of(view, object, records, users), clock);
    new io.relata.ui.record.QuickCreateDialog(
            context,
            clock,
            Map.of(),
            created -> {
              show(currentSort());
              com.vaadin.flow.component.html.Anchor link =
                  new com.vaadin.flow.component.html.Anchor(
                      "o/" + object.name() + "/" + created.path("id").asText(),
                      created.path("name").asText());
              link.setId("created-link");
              link.addClassName("relata-on-colour");
              com.vaadin.flow.component.notification.Notification note =
                  new com.vaadin.flow.component.notification.Notification(
                      new Span(getTranslation("list.created", Labels.singular(object))), link);
              note.setDuration(6000);
              note.setPosition(
                  com.vaadin.flow.component.notification.Notification.Position.BOTTOM_CENTER);
              note.addThemeVariants(
                  com.vaadin.flow.component.notification.NotificationVariant.LUMO_SUCCESS);
              note.open();
            })
        .open();
  }

  /**
   * The column chooser: every field the user may see, ticked when it is a column; a change shows
   * the list again with the columns in the object's order, and puts them in the address.
   */
  private void columnMenu(List<FieldDefinition> shown) {
    if (menu != null) {
      menu.setTarget(null);
    }
    menu = new com.vaadin.flow.component.contextmenu.ContextMenu(chooser);
    menu.setOpenOnClick(true);
    menu.setId("list-columns-menu");
    java.util.Set<String> on =
        shown.stream().map(FieldDefinition::name).collect(java.util.stream.Collectors.toSet());
    for (FieldDefinition field : Columns.choosable(object, access)) {
      com.vaadin.flow.component.contextmenu.MenuItem item =
          menu.addItem(Labels.field(field), e -> toggle(field.name(), e.getSource().isChecked()));
      item.setCheckable(true);
      item.setChecked(on.contains(field.name()));
      item.setKeepOpen(true);
      item.getElement().setAttribute("data-field", field.name());
    }
  }

  private void toggle(String field, boolean on) {
    List<String> now = new ArrayList<>(columns.stream().map(FieldDefinition::name).toList());
    if (on && !now.contains(field)) {
      now.add(field);
    } else if (!on) {
      now.remove(field);
    }
    if (now.isEmpty()) {
      return;
    }
    picked = Optional.of(List.copyOf(now));
    show(currentSort());
    remember();
  }

  /** Builds the columns and the rows of what the controls say now. */
  private void show(Optional<String> sort) {
    filter.setInvalid(false);
    Optional<Expression> condition;
    try {
      condition =
          filter.getValue().isBlank()
              ? Optional.empty()
              : Optional.of(ConditionParser.parse(filter.getValue()));
    } catch (ConditionException e) {
      io.relata.metadata.problem.Problem problem = e.problem("");
      refuse(Messages.text(problem.code(), getLocale(), problem.args().toArray()));
      return;
    }
    List<FieldDefinition> columns = Columns.of(object, access, views.getValue(), picked);
    RecordPages pages = pages(condition, columns, sort);
    RecordLists.Total total;
    try {
      total = pages.total();
    } catch (InvalidRequestException e) {
      refuse(
          e.violations().stream()
              .map(v -> Messages.text(v.code(), getLocale(), v.args().toArray()))
              .collect(Collectors.joining("; ")));
      return;
    }
    this.condition = condition;
    this.columns = columns;
    columnMenu(columns);
    this.total = total;
    grid.removeAllColumns();
    for (FieldDefinition field : columns) {
      column(field);
    }
    card(columns);
    fit();
    sort.ifPresent(this::sortIndicator);
    load(sort, total);
  }

  /** Reads the rows again, sorted by {@code sort}: after a click on a column's header. */
  private void load(Optional<String> sort) {
    load(sort, total);
  }

  private void load(Optional<String> sort, RecordLists.Total total) {
    RecordPages pages = pages(condition, columns, sort);
    if (export.isVisible()) {
      exportable(condition, columns, sort);
    }
    count.setText(
        values.count(total.count(), total.exact(), (key, arg) -> getTranslation(key, arg)));
    count
        .getElement()
        .setAttribute("title", total.exact() ? "" : getTranslation("list.count.estimate"));
    if (total.exact()) {
      grid.setItems(
          query -> pages.rows(query.getOffset(), query.getLimit()).stream(),
          query -> (int) Math.min(total.count(), Integer.MAX_VALUE));
    } else {
      grid.setItems(query -> pages.rows(query.getOffset(), query.getLimit()).stream());
      grid.getLazyDataView().setItemCountEstimate((int) Math.min(total.count(), Integer.MAX_VALUE));
      grid.getLazyDataView()
          .setItemCountEstimateIncrease(Math.max(1000, (int) (total.count() / 10)));
    }
  }

  private RecordPages pages(
      Optional<Expression> condition, List<FieldDefinition> columns, Optional<String> sort) {
    List<String> fields = new ArrayList<>(columns.stream().map(FieldDefinition::name).toList());
    if (!fields.contains("id")) {
      fields.add("id");
    }
    List<String> expand =
        columns.stream()
            .filter(f -> FieldTypes.of(f.type()).reference() && !f.name().equals("id"))
            .map(FieldDefinition::name)
            .toList();
    return new RecordPages(
        records,
        SignedInUser.current().orElseThrow(),
        object.name(),
        condition,
        Optional.of(search.getValue().strip()).filter(s -> !s.isEmpty()),
        sort,
        withCurrencyCodes(columns, fields),
        expand);
  }

  /**
   * The list as it is shown, as a CSV file: the same columns, filter, search and sort, every
   * matching record, through the platform's export (which needs {@code export}). Nordic users get
   * semicolons, decimal commas and a byte order mark, as their spreadsheets expect.
   */
  private void exportable(
      Optional<Expression> condition, List<FieldDefinition> columns, Optional<String> sort) {
    Actor actor = SignedInUser.current().orElseThrow();
    String name = object.name();
    boolean nordic = !values.locale().getLanguage().equals("en");
    io.relata.platform.query.RecordQuery query =
        new io.relata.platform.query.RecordQuery(
            condition,
            Optional.of(search.getValue().strip()).filter(s -> !s.isEmpty()),
            sort,
            Optional.of(
                withCurrencyCodes(columns, columns.stream().map(FieldDefinition::name).toList())),
            io.relata.platform.query.RecordQuery.MAX_LIMIT,
            Optional.empty(),
            List.of(),
            false);
    export.setHref(
        (com.vaadin.flow.server.streams.DownloadHandler)
            event -> {
              event.setFileName(name + ".csv");
              event.setContentType("text/csv; charset=UTF-8");
              io.relata.platform.transfer.CsvExport csv =
                  new io.relata.platform.transfer.CsvExport(
                      event.getOutputStream(), nordic ? ';' : ',', nordic);
              records.export(actor, name, query, csv);
              csv.finish();
            });
  }

  private static List<String> withCurrencyCodes(
      List<FieldDefinition> columns, List<String> fields) {
    List<String> all = new ArrayList<>(fields);
    for (FieldDefinition field : columns) {
      if (field.type() instanceof FieldType.Currency c && c.perRecord()) {
        all.add(io.relata.metadata.schema.RecordSchema.currencyOf(field.name()));
      }
    }
    return all;
  }

  private void refuse(String message) {
    filter.setErrorMessage(message);
    filter.setInvalid(true);
    grid.setItems(List.of());
    count.setText("");
  }

  private void column(FieldDefinition field) {
    String name = field.name();
    boolean isName = name.equals(object.nameField());
    boolean chip =
        field.type() instanceof FieldType.Picklist || field.type() instanceof FieldType.Stage;
    String template;
    if (isName) {
      template = "<a data-field=\"" + name + "\" href=\"${item.href}\">${item.text}</a>";
    } else if (chip) {
      template =
          "<span data-field=\""
              + name
              + "\" class=\"${item.text ? 'relata-chip' : ''}\""
              + " style=\"--relata-chip: ${item.colour}\">${item.text}</span>";
    } else {
      template = "<span data-field=\"" + name + "\">${item.text}</span>";
    }
    LitRenderer<ObjectNode> renderer =
        LitRenderer.<ObjectNode>of(template)
            .withProperty("text", row -> values.text(object, field, row));
    if (isName) {
      renderer.withProperty("href", row -> "o/" + object.name() + "/" + row.path("id").asText());
    }
    if (chip) {
      renderer.withProperty(
          "colour",
          row ->
              Values.colour(object, field, row.path(name).asText())
                  .orElse("var(--lumo-contrast-60pct)"));
    }
    Grid.Column<ObjectNode> column = grid.addColumn(renderer).setKey(name).setResizable(true);
    Span header = new Span(Labels.field(field));
    header.getElement().setAttribute("data-field", name);
    column.setHeader(header);
    if (FieldTypes.of(field.type()).sortable()) {
      column.setSortable(true);
      column.setSortProperty(name);
    }
    if (numeric(field)) {
      column.setTextAlign(ColumnTextAlign.END);
    }
    column.setAutoWidth(true);
    if (isName) {
      column.setFrozen(true);
    }
  }

  /**
   * The column a phone shows instead of the others: each record as a card, its name over up to
   * three of the list's other fields.
   */
  private void card(List<FieldDefinition> columns) {
    FieldDefinition nameField =
        columns.stream().filter(f -> f.name().equals(object.nameField())).findFirst().orElse(null);
    List<FieldDefinition> others = columns.stream().filter(f -> f != nameField).limit(3).toList();
    StringBuilder template = new StringBuilder("<div class=\"relata-card\">");
    if (nameField != null) {
      template
          .append("<a data-field=\"")
          .append(nameField.name())
          .append("\" href=\"${item.href}\">${item.name}</a>");
    }
    template.append("<div class=\"relata-card-fields\">");
    for (int i = 0; i < others.size(); i++) {
      template
          .append("<span data-field=\"")
          .append(others.get(i).name())
          .append("\">${item.f")
          .append(i)
          .append("}</span>");
    }
    template.append("</div></div>");
    LitRenderer<ObjectNode> renderer =
        LitRenderer.<ObjectNode>of(template.toString())
            .withProperty("href", row -> "o/" + object.name() + "/" + row.path("id").asText());
    if (nameField != null) {
      renderer.withProperty("name", row -> values.text(object, nameField, row));
    }
    for (int i = 0; i < others.size(); i++) {
      FieldDefinition field = others.get(i);
      renderer.withProperty("f" + i, row -> values.text(object, field, row));
    }
    grid.addColumn(renderer).setKey(CARD).setVisible(false);
  }

  /** Cards on a narrow screen, columns on a wide one. */
  private void fit() {
    if (width > 0) {
      narrow(width < NARROW);
      return;
    }
    getUI()
        .ifPresent(
            ui ->
                ui.getPage()
                    .retrieveExtendedClientDetails(
                        details -> {
                          width = details.getWindowInnerWidth();
                          narrow(width < NARROW);
                        }));
  }

  private void narrow(boolean narrow) {
    for (Grid.Column<ObjectNode> column : grid.getColumns()) {
      column.setVisible(CARD.equals(column.getKey()) == narrow);
    }
    grid.setAllRowsVisible(false);
    if (narrow) {
      grid.addClassName("relata-cards");
    } else {
      grid.removeClassName("relata-cards");
    }
  }

  @Override
  protected void onAttach(com.vaadin.flow.component.AttachEvent event) {
    super.onAttach(event);
    resize =
        event
            .getUI()
            .getPage()
            .addBrowserWindowResizeListener(
                e -> {
                  width = e.getWidth();
                  narrow(width < NARROW);
                });
    fit();
  }

  @Override
  protected void onDetach(com.vaadin.flow.component.DetachEvent event) {
    if (resize != null) {
      resize.remove();
    }
    super.onDetach(event);
  }

  private static boolean numeric(FieldDefinition field) {
    FieldKind kind = field.type().kind();
    return kind == FieldKind.NUMBER
        || kind == FieldKind.CURRENCY
        || kind == FieldKind.PERCENT
        || kind == FieldKind.ROLL_UP;
  }

  private void sortIndicator(String sort) {
    String first = sort.split(",")[0];
    boolean descending = first.startsWith("-");
    String name = descending ? first.substring(1) : first;
    Grid.Column<ObjectNode> column = grid.getColumnByKey(name);
    if (column != null && column.isSortable()) {
      grid.sort(
          List.of(
              new GridSortOrder<>(
                  column, descending ? SortDirection.DESCENDING : SortDirection.ASCENDING)));
    }
  }

  private Optional<String> currentSort() {
    return grid.getSortOrder().stream()
        .findFirst()
        .map(
            order ->
                (order.getDirection() == SortDirection.DESCENDING ? "-" : "")
                    + order.getSorted().getKey());
  }

  /** Puts what the list shows into the address, so that it can be bookmarked and shared. */
  private void remember() {
    Map<String, String> parameters = new LinkedHashMap<>();
    views.getValue().ifPresent(v -> parameters.put("view", v.name()));
    if (!filter.getValue().isBlank()) {
      parameters.put("filter", filter.getValue());
    }
    if (!search.getValue().isBlank()) {
      parameters.put("q", search.getValue());
    }
    currentSort().ifPresent(s -> parameters.put("sort", s));
    picked.ifPresent(c -> parameters.put("columns", String.join(",", c)));
    getUI()
        .ifPresent(
            ui ->
                ui.getPage()
                    .getHistory()
                    .replaceState(
                        null,
                        new Location("o/" + object.name(), QueryParameters.simple(parameters))));
  }
}
