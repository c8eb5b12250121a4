package io.relata.ui.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.relata.metadata.access.SystemPermission;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.definition.SystemFields;
import io.relata.platform.audit.AuditActions;
import io.relata.platform.audit.AuditQuery;
import io.relata.platform.audit.AuditVerifier;
import io.relata.platform.audit.trail.AuditConsole;
import io.relata.platform.directory.Users;
import io.relata.platform.message.Messages;
import io.relata.platform.metadata.MetadataService;
import io.relata.platform.record.RecordService;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.ui.format.Pickers;
import io.relata.ui.format.Values;
import io.relata.ui.record.ChangedValues;
import io.relata.ui.record.RecordView;
import io.relata.ui.screen.Labels;
import io.relata.ui.screen.Workspace;
import io.relata.ui.session.UserSettings;
import io.relata.ui.shell.MainLayout;
import jakarta.inject.Inject;
import java.text.Collator;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The audit log, for holders of {@code view-audit}: who did what, to which record, when, and each
 * tracked field's value before and after (a value of a field hidden from the reader is said to be
 * hidden; a record they may not read is not named), newest first, filtered by user, kind, object,
 * record and days; and the hash chain verified on request, with the head it reached, to compare
 * with one published earlier.
 */
@Route(value = "setup/audit", layout = MainLayout.class)
public class AuditView extends SetupPage {

  private static final String PAGE = "50";

  private final AuditConsole audit;
  private final MetadataService metadata;
  private final RecordService records;
  private final Users users;
  private final List<ObjectNode> shown = new ArrayList<>();

  /** The names of the users who did what is shown, by id: read with each page. */
  private final Map<UUID, String> names = new java.util.HashMap<>();

  private Grid<ObjectNode> grid;
  private Button more;
  private Div chain;
  private String next;
  private Values values;
  private ChangedValues changed;
  private Map<String, ObjectDefinition> objects;
  private UserPicker user;
  private ComboBox<String> action;
  private ComboBox<String> object;
  private RecordPicker record;
  private DatePicker from;
  private DatePicker to;
  private TextField published;

  @Inject
  public AuditView(
      Workspace workspace,
      AuditConsole audit,
      MetadataService metadata,
      RecordService records,
      Users users) {
    super(workspace);
    this.audit = audit;
    this.metadata = metadata;
    this.records = records;
    this.users = users;
  }

  @Override
  boolean allowed(Workspace.View view) {
    return view.holds(SystemPermission.VIEW_AUDIT);
  }

  @Override
  boolean enter(BeforeEnterEvent event, Workspace.View view) {
    removeAll();
    // drawn anew on each visit: a view kept from an earlier one adds no second listener
    shown.clear();
    next = null;
    grid = new Grid<>();
    more = new Button();
    chain = new Div();
    action = new ComboBox<>();
    object = new ComboBox<>();
    from = new DatePicker();
    to = new DatePicker();
    published = new TextField();
    values = UserSettings.current().orElseThrow().values();
    changed = new ChangedValues(actor(), values, view, records, users);
    Collator collator = Collator.getInstance(getLocale());
    objects = new LinkedHashMap<>();
    metadata.current().objects().stream()
        .sorted(Comparator.comparing(Labels::plural, collator))
        .forEach(o -> objects.put(o.name(), o));
    add(
        back(getTranslation("setup.title"), SetupView.class, RouteParameters.empty()),
        new H1(getTranslation("setup.audit.title")),
        chainPanel(),
        filters(),
        grid(),
        more());
    reload();
    return true;
  }

  /** The chain's state: verified when asked, as it reads every sealed entry. */
  private Div chainPanel() {
    Div panel = new Div();
    panel.addClassName("relata-audit-chain");
    panel.setId("audit-chain-panel");
    published.setId("audit-published");
    published.setLabel(getTranslation("setup.audit.published"));
    published.setHelperText(getTranslation("setup.audit.published-help"));
    published.setClearButtonVisible(true);
    published.addClassName("relata-audit-published");
    Button verify =
        new Button(getTranslation("setup.audit.verify"), VaadinIcon.SHIELD.create(), e -> verify());
    verify.setId("audit-verify");
    verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    HorizontalLayout row = new HorizontalLayout(published, verify);
    row.setAlignItems(FlexComponent.Alignment.BASELINE);
    row.addClassName("relata-setup-filters");
    chain.setId("audit-chain");
    chain.addClassName("relata-audit-chain-state");
    chain.add(new Span(getTranslation("setup.audit.not-verified")));
    panel.add(new H2(getTranslation("setup.audit.chain")), row, chain);
    return panel;
  }

  private void verify() {
    published.setInvalid(false);
    Optional<AuditVerifier.Head> known = Optional.empty();
    String typed = Optional.ofNullable(published.getValue()).orElse("").trim();
    if (!typed.isEmpty()) {
      known = AuditVerifier.Head.parse(typed);
      if (known.isEmpty()) {
        published.setErrorMessage(getTranslation("setup.audit.published-invalid"));
        published.setInvalid(true);
        return;
      }
    }
    AuditVerifier.Verification result = audit.verify(actor(), known);
    chain.removeAll();
    chain.removeClassNames("relata-audit-intact", "relata-audit-broken");
    String head = result.sealed() + ":" + HexFormat.of().formatHex(result.head());
    Span state;
    if (result.intact()) {
      chain.addClassName("relata-audit-intact");
      state =
          new Span(
              getTranslation(
                  "setup.audit.intact", whole(result.sealed()), whole(result.pending())));
    } else {
      chain.addClassName("relata-audit-broken");
      AuditVerifier.Break broken = result.firstBreak().orElseThrow();
      state =
          new Span(
              getTranslation(
                  "setup.audit.broken",
                  Messages.text(broken.reason(), getLocale(), broken.position()),
                  whole(result.sealed())));
    }
    state.setId("audit-chain-state");
    TextField reached = new TextField(getTranslation("setup.audit.head"));
    reached.setId("audit-head");
    reached.setValue(head);
    reached.setReadOnly(true);
    reached.addClassName("relata-audit-head");
    reached.setHelperText(getTranslation("setup.audit.head-help"));
    chain.add(state, reached);
  }

  private HorizontalLayout filters() {
    user = UserPicker.withFrozen(users, getTranslation("setup.audit.user"));
    user.setId("audit-user");
    user.setClearButtonVisible(true);
    user.addValueChangeListener(e -> reload());
    action.setId("audit-action");
    action.setLabel(getTranslation("setup.audit.action"));
    action.setItems(AuditActions.ALL);
    action.setItemLabelGenerator(a -> Messages.text(a, getLocale()));
    action.setAllowCustomValue(true);
    action.addCustomValueSetListener(e -> action.setValue(e.getDetail().trim()));
    action.setClearButtonVisible(true);
    action.addValueChangeListener(e -> reload());
    object.setId("audit-object");
    object.setLabel(getTranslation("setup.audit.object"));
    object.setItems(objects.keySet());
    object.setItemLabelGenerator(name -> Labels.plural(objects.get(name)));
    object.setClearButtonVisible(true);
    record = new RecordPicker(records, getTranslation("setup.audit.record"));
    record.setId("audit-record");
    record.setClearButtonVisible(true);
    record.setEnabled(false);
    record.addValueChangeListener(e -> reload());
    object.addValueChangeListener(
        e -> {
          record.clear();
          Optional<ObjectDefinition> chosen = Optional.ofNullable(e.getValue()).map(objects::get);
          chosen.ifPresent(record::of);
          record.setEnabled(chosen.isPresent());
          reload();
        });
    for (DatePicker day : List.of(from, to)) {
      day.setI18n(Pickers.dates(getLocale(), this::getTranslation));
      day.setLocale(getLocale());
      day.setClearButtonVisible(true);
      day.addValueChangeListener(e -> reload());
    }
    from.addClassName("relata-audit-day");
    to.addClassName("relata-audit-day");
    from.setId("audit-from");
    from.setLabel(getTranslation("setup.audit.from"));
    to.setId("audit-to");
    to.setLabel(getTranslation("setup.audit.to"));
    for (Component filter : List.of(user, action, object, record)) {
      filter.getElement().getClassList().add("relata-audit-filter");
    }
    HorizontalLayout filters = new HorizontalLayout(user, action, object, record, from, to);
    filters.addClassName("relata-setup-filters");
    filters.setAlignItems(FlexComponent.Alignment.BASELINE);
    return filters;
  }

  private Grid<ObjectNode> grid() {
    grid.setId("audit-grid");
    grid.addClassName("relata-setup-grid");
    grid.addColumn(entry -> values.dateTime(entry.path("at").asText()))
        .setHeader(getTranslation("setup.audit.at"))
        .setAutoWidth(true);
    grid.addColumn(this::who).setHeader(getTranslation("setup.audit.user")).setAutoWidth(true);
    grid.addColumn(entry -> entry.path("summary").asText())
        .setHeader(getTranslation("setup.audit.what"))
        .setAutoWidth(true);
    grid.addColumn(entry -> objectLabel(entry.path("object")))
        .setHeader(getTranslation("setup.audit.object"))
        .setAutoWidth(true);
    grid.addComponentColumn(this::recordLink)
        .setHeader(getTranslation("setup.audit.record"))
        .setAutoWidth(true);
    grid.addColumn(this::changes)
        .setHeader(getTranslation("setup.audit.values"))
        .setTooltipGenerator(this::changes)
        .setFlexGrow(1);
    grid.addColumn(this::seal).setHeader(getTranslation("setup.audit.seal")).setAutoWidth(true);
    grid.setItemDetailsRenderer(new ComponentRenderer<>(this::details));
    grid.setAllRowsVisible(true);
    return grid;
  }

  private Button more() {
    more.setText(getTranslation("setup.jobs.more"));
    more.setId("audit-more");
    more.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    more.addClickListener(e -> page());
    return more;
  }

  private void reload() {
    to.setInvalid(false);
    if (from.getValue() != null
        && to.getValue() != null
        && to.getValue().isBefore(from.getValue())) {
      to.setErrorMessage(getTranslation("setup.audit.to-before-from"));
      to.setInvalid(true);
      shown.clear(); // no entry is both after the first day and before the last
      grid.setItems(shown);
      more.setVisible(false);
      return;
    }
    shown.clear();
    next = null;
    page();
  }

  /** The next page of entries, after those shown, by the filters chosen. */
  private void page() {
    AuditQuery query;
    try {
      query =
          AuditQuery.of(
              Optional.ofNullable(user.getValue()).map(u -> u.id().toString()).orElse(null),
              object.getValue(),
              Optional.ofNullable(record.getValue()).map(r -> r.id().toString()).orElse(null),
              Optional.ofNullable(action.getValue()).filter(a -> !a.isBlank()).orElse(null),
              start(from.getValue()),
              start(Optional.ofNullable(to.getValue()).map(d -> d.plusDays(1)).orElse(null)),
              PAGE,
              next);
    } catch (InvalidRequestException refused) {
      throw new IllegalStateException("the audit viewer asked a query it may not", refused);
    }
    ObjectNode page = audit.page(actor(), query, getLocale());
    List<UUID> actors = new ArrayList<>();
    page.path("items")
        .forEach(
            item -> {
              shown.add((ObjectNode) item);
              String id = item.path("actor").path("id").asText("");
              if (!id.isEmpty()) {
                actors.add(UUID.fromString(id));
              }
            });
    names.putAll(users.names(actors));
    JsonNode cursor = page.path("nextCursor");
    next = cursor.isTextual() ? cursor.asText() : null;
    more.setVisible(next != null);
    grid.setItems(shown);
  }

  /** The first moment of {@code day} in the reader's zone, as the query reads it. */
  private String start(LocalDate day) {
    return day == null
        ? null
        : day.atStartOfDay(values.zone())
            .toOffsetDateTime()
            .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  private String whole(long count) {
    return values.number(java.math.BigDecimal.valueOf(count), 0);
  }

  /** Who did it, by the name they are shown by (a display name, else the username). */
  private String who(ObjectNode entry) {
    JsonNode actor = entry.path("actor");
    if (!actor.isObject()) {
      return getTranslation("setup.audit.nobody");
    }
    String id = actor.path("id").asText("");
    return id.isEmpty()
        ? actor.path("username").asText()
        : names.getOrDefault(UUID.fromString(id), actor.path("username").asText());
  }

  private String objectLabel(JsonNode name) {
    if (!name.isTextual()) {
      return "";
    }
    ObjectDefinition found = objects.get(name.asText());
    return found == null ? name.asText() : Labels.singular(found);
  }

  /**
   * The record by its name, opened on its page, when the reader may read it; otherwise by the end
   * of its id, which tells entries of one record apart.
   */
  private Component recordLink(ObjectNode entry) {
    JsonNode id = entry.path("record");
    String name = entry.path("object").asText();
    if (!id.isTextual()) {
      return new Span();
    }
    String text = id.asText();
    Optional<String> shown =
        objects.containsKey(name)
            ? changed.recordName(name, java.util.UUID.fromString(text))
            : Optional.empty();
    if (shown.isEmpty()) {
      Span unread = new Span("…" + text.substring(text.length() - 8));
      unread.getElement().setAttribute("title", text);
      unread.addClassName("relata-muted");
      return unread;
    }
    RouterLink link =
        new RouterLink(
            shown.get(), RecordView.class, new RouteParameters(Map.of("object", name, "id", text)));
    link.addClassName("relata-audit-record");
    link.getElement().setAttribute("title", text);
    return link;
  }

  /** The fields the entry has values of, by label. */
  private String changes(ObjectNode entry) {
    List<String> fields = new ArrayList<>();
    entry.path("values").forEach(v -> fields.add(fieldLabel(entry, v.path("field").asText())));
    return String.join(", ", fields);
  }

  private String seal(ObjectNode entry) {
    JsonNode position = entry.path("position");
    return position.isNumber()
        ? getTranslation("setup.audit.sealed", whole(position.asLong()))
        : getTranslation("setup.audit.pending");
  }

  /** An entry opened: its facts, and each field's value before and after. */
  private Div details(ObjectNode entry) {
    Div details = new Div();
    details.addClassName("relata-audit-details");
    details.getElement().setAttribute("data-entry", entry.path("id").asText());
    JsonNode detail = entry.path("detail");
    if (detail.isObject() && !detail.isEmpty()) {
      Div facts = new Div();
      facts.addClassName("relata-audit-facts");
      detail
          .fields()
          .forEachRemaining(
              fact -> {
                Div line =
                    new Div(new Span(fact(fact.getKey()) + ": "), new Span(text(entry, fact)));
                line.getElement().setAttribute("data-fact", fact.getKey());
                facts.add(line);
              });
      details.add(facts);
    }
    if (entry.path("values").isEmpty()) {
      return details;
    }
    Div table = new Div();
    table.addClassName("relata-audit-values");
    Div head =
        new Div(
            new Span(getTranslation("setup.audit.field")),
            new Span(getTranslation("setup.audit.before")),
            new Span(getTranslation("setup.audit.after")));
    head.addClassNames("relata-audit-value", "relata-audit-values-head");
    table.add(head);
    for (JsonNode value : entry.path("values")) {
      String field = value.path("field").asText();
      Div row;
      if (value.path("hidden").asBoolean()) {
        String hidden = getTranslation("setup.audit.hidden");
        row = row("relata-audit-hidden", fieldLabel(entry, field), hidden, hidden);
      } else {
        row =
            row(
                null,
                fieldLabel(entry, field),
                shown(entry, field, value.path("before")),
                shown(entry, field, value.path("after")));
      }
      row.getElement().setAttribute("data-field", field);
      table.add(row);
    }
    details.add(table);
    return details;
  }

  private static Div row(String className, String field, String before, String after) {
    Span beforeText = new Span(before);
    beforeText.addClassName("relata-before");
    Span afterText = new Span(after);
    afterText.addClassName("relata-after");
    Div row = new Div(new Span(field), beforeText, afterText);
    row.addClassName("relata-audit-value");
    if (className != null) {
      row.addClassName(className);
    }
    return row;
  }

  /** A value as the record page would show it, when its object and field still exist. */
  private String shown(ObjectNode entry, String field, JsonNode value) {
    Optional<ObjectDefinition> object =
        Optional.ofNullable(objects.get(entry.path("object").asText()));
    Optional<FieldDefinition> definition = object.flatMap(o -> SystemFields.field(o, field));
    if (definition.isEmpty()) {
      return value.isNull() || value.isMissingNode()
          ? "—"
          : value.isTextual() ? value.asText() : value.toString();
    }
    return changed.text(object.get(), definition.get(), value);
  }

  private String fieldLabel(ObjectNode entry, String field) {
    return Optional.ofNullable(objects.get(entry.path("object").asText()))
        .flatMap(o -> SystemFields.field(o, field))
        .map(Labels::field)
        .orElse(field);
  }

  private String fact(String key) {
    String text = SetupAccess.texts(this).apply("setup.audit.fact." + key);
    return text == null ? SchemaForm.words(key) : text;
  }

  /** A fact's value; the fields an entry names, by their labels. */
  private String text(ObjectNode entry, Map.Entry<String, JsonNode> fact) {
    JsonNode value = fact.getValue();
    boolean fields = fact.getKey().equals("fields");
    if (value.isArray()) {
      List<String> items = new ArrayList<>();
      value.forEach(
          v ->
              items.add(
                  fields && v.isTextual()
                      ? fieldLabel(entry, v.asText())
                      : v.isTextual() ? v.asText() : v.toString()));
      return String.join(", ", items);
    }
    return value.isTextual() ? value.asText() : value.toString();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("setup.audit.title");
  }
}
