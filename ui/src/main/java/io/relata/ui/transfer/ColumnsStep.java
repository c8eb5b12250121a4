package io.relata.ui.transfer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.platform.access.ObjectAccess;
import io.relata.platform.message.Messages;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.ProblemException;
import io.relata.platform.transfer.CsvOptions;
import io.relata.platform.transfer.Imports;
import io.relata.ui.screen.Labels;
import io.relata.ui.screen.Problems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The wizard's second step: how the file is read (delimiter, encoding, decimal sign: detected,
 * changeable), each column's field (guessed by its header, or not imported), what a refused row
 * does, and whether a row updates the record with its key; then a check without saving, or the
 * import. Only fields the user may edit are offered.
 */
final class ColumnsStep extends Div {

  private static final List<Charset> ENCODINGS =
      List.of(
          StandardCharsets.UTF_8,
          Charset.forName("windows-1252"),
          StandardCharsets.ISO_8859_1,
          StandardCharsets.UTF_16LE,
          StandardCharsets.UTF_16BE);

  private final ImportView wizard;
  private final Imports imports;
  private final Imports.Preview preview;
  private final CsvOptions options;
  private final List<Select<String>> fields = new ArrayList<>();
  private final Span problem = new Span();
  private final RadioButtonGroup<Boolean> mode = new RadioButtonGroup<>();
  private final Select<String> match = new Select<>();
  private boolean reverting;

  ColumnsStep(
      ImportView wizard,
      Imports imports,
      ObjectAccess access,
      Imports.Preview preview,
      CsvOptions options,
      Optional<Imports.Settings> previous) {
    this.wizard = wizard;
    this.imports = imports;
    this.preview = preview;
    this.options = options;
    addClassName("relata-import-columns");
    Span summary =
        new Span(
            getTranslation(
                "import.columns.summary",
                wizard.fileName(),
                preview.headers().size(),
                wizard.values().number(java.math.BigDecimal.valueOf(preview.rows()), 0)));
    summary.setId("import-summary");
    add(summary, reading());
    add(new H2(getTranslation("import.columns.title")));
    Map<String, String> offered = offered(access);
    Div table = new Div();
    table.addClassName("relata-import-mapping");
    Div head =
        new Div(
            new Span(getTranslation("import.columns.column")),
            new Span(getTranslation("import.columns.sample")),
            new Span(getTranslation("import.columns.field")));
    head.addClassNames("relata-import-mapping-row", "relata-import-mapping-head");
    table.add(head);
    for (int i = 0; i < preview.headers().size(); i++) {
      table.add(row(i, offered));
    }
    problem.setId("import-columns-problem");
    problem.addClassName("relata-field-error");
    add(table, problem, settings(access, previous));
    Button back = new Button(getTranslation("import.columns.another"), e -> wizard.fileStep());
    back.setId("import-another");
    back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    Button check = new Button(getTranslation("import.columns.check"), e -> start(true));
    check.setId("import-check");
    Button run = new Button(getTranslation("import.columns.run"), e -> start(false));
    run.setId("import-run");
    run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    HorizontalLayout buttons = new HorizontalLayout(back, check, run);
    buttons.addClassName("relata-import-buttons");
    add(buttons);
  }

  /** How the file is read; a change reads it again. */
  private HorizontalLayout reading() {
    Select<Character> delimiter = new Select<>();
    delimiter.setId("import-delimiter");
    delimiter.setLabel(getTranslation("import.columns.delimiter"));
    delimiter.setItems(CsvOptions.DELIMITERS);
    delimiter.setItemLabelGenerator(d -> getTranslation("import.delimiter." + (int) d));
    delimiter.setValue(preview.delimiter());
    Select<Charset> encoding = new Select<>();
    encoding.setId("import-encoding");
    encoding.setLabel(getTranslation("import.columns.encoding"));
    List<Charset> encodings = new ArrayList<>(ENCODINGS);
    if (!encodings.contains(preview.encoding())) {
      encodings.add(preview.encoding());
    }
    encoding.setItems(encodings);
    encoding.setItemLabelGenerator(Charset::displayName);
    encoding.setValue(preview.encoding());
    Select<Boolean> decimal = new Select<>();
    decimal.setId("import-decimal");
    decimal.setLabel(getTranslation("import.columns.decimal"));
    decimal.setItems(false, true);
    decimal.setItemLabelGenerator(
        comma -> getTranslation(comma ? "import.decimal.comma" : "import.decimal.point"));
    decimal.setValue(preview.decimalComma());
    Runnable reread =
        () -> {
          CsvOptions chosen =
              new CsvOptions(
                  Optional.of(delimiter.getValue()),
                  Optional.of(encoding.getValue()),
                  Optional.of(decimal.getValue()),
                  mapping());
          Imports.Preview again;
          try {
            again = imports.preview(wizard.actor(), wizard.object().name(), wizard.file(), chosen);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          wizard.columnsStep(again, chosen, Optional.of(settings(false)));
        };
    delimiter.addValueChangeListener(
        e -> reread(reread, () -> delimiter.setValue(e.getOldValue())));
    encoding.addValueChangeListener(e -> reread(reread, () -> encoding.setValue(e.getOldValue())));
    decimal.addValueChangeListener(e -> reread(reread, () -> decimal.setValue(e.getOldValue())));
    HorizontalLayout reading = new HorizontalLayout(delimiter, encoding, decimal);
    reading.addClassName("relata-setup-filters");
    return reading;
  }

  /**
   * Reads the file again as now chosen, keeping the columns' fields and the settings; when it
   * cannot be read so, says why and shows the choice it was read with.
   */
  private void reread(Runnable read, Runnable undo) {
    if (reverting) {
      return;
    }
    try {
      read.run();
    } catch (ProblemException refused) {
      Problems.notify(List.of(Problems.text(refused, getLocale())));
      reverting = true;
      undo.run();
      reverting = false;
    }
  }

  /** The fields a column may go to, by name: those an import writes that the user may edit. */
  private Map<String, String> offered(ObjectAccess access) {
    Map<String, String> offered = new LinkedHashMap<>();
    offered.put("", getTranslation("import.columns.skip"));
    for (FieldDefinition field : imports.columns(access, wizard.object().name())) {
      offered.put(field.name(), Labels.field(field));
    }
    return offered;
  }

  private Div row(int index, Map<String, String> offered) {
    String header = preview.headers().get(index);
    Span name = new Span(header);
    name.addClassName("relata-import-header");
    List<String> cells = new ArrayList<>();
    for (List<String> sample : preview.sample()) {
      if (index < sample.size() && !sample.get(index).isBlank() && cells.size() < 3) {
        cells.add(sample.get(index));
      }
    }
    Span samples = new Span(String.join(" · ", cells));
    samples.addClassName("relata-muted");
    Select<String> field = new Select<>();
    field.setId("import-map-" + index);
    field.setAriaLabel(getTranslation("import.columns.field-of", header));
    field.setItems(offered.keySet());
    field.setItemLabelGenerator(n -> offered.getOrDefault(n, n));
    // what the user chose before a check, else the guess by the header
    String guessed =
        options.mapping().getOrDefault(header, preview.mapping().getOrDefault(header, ""));
    field.setValue(offered.containsKey(guessed) ? guessed : "");
    field.addValueChangeListener(e -> field.setInvalid(false));
    fields.add(field);
    Div row = new Div(name, samples, field);
    row.addClassName("relata-import-mapping-row");
    return row;
  }

  /** What a refused row does, and whether rows update the records their key finds. */
  private Div settings(ObjectAccess access, Optional<Imports.Settings> previous) {
    mode.setId("import-mode");
    mode.setLabel(getTranslation("import.columns.mode"));
    mode.setItems(false, true);
    mode.setItemLabelGenerator(
        all -> getTranslation(all ? "import.mode.all" : "import.mode.best-effort"));
    mode.setValue(previous.map(Imports.Settings::allOrNothing).orElse(false));
    mode.addThemeVariants(com.vaadin.flow.component.radiobutton.RadioGroupVariant.LUMO_VERTICAL);
    Div settings = new Div(mode);
    settings.addClassName("relata-import-settings");
    List<FieldDefinition> keys = imports.upsertKeys(access, wizard.object().name());
    if (!keys.isEmpty()) {
      Map<String, String> labels = new LinkedHashMap<>();
      labels.put("", getTranslation("import.match.none"));
      keys.forEach(
          key -> labels.put(key.name(), getTranslation("import.match.by", Labels.field(key))));
      match.setId("import-match");
      match.setLabel(getTranslation("import.columns.match"));
      match.addClassName("relata-import-match");
      match.setItems(labels.keySet());
      match.setItemLabelGenerator(labels::get);
      match.setValue(
          previous.flatMap(Imports.Settings::upsertBy).filter(labels::containsKey).orElse(""));
      settings.add(match);
    }
    return settings;
  }

  /** Each header's field as chosen ("" for none). */
  private Map<String, String> mapping() {
    Map<String, String> mapping = new HashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      mapping.put(
          preview.headers().get(i), Optional.ofNullable(fields.get(i).getValue()).orElse(""));
    }
    return mapping;
  }

  private Imports.Settings settings(boolean dryRun) {
    return new Imports.Settings(
        Boolean.TRUE.equals(mode.getValue()),
        dryRun,
        Optional.ofNullable(match.getValue()).filter(k -> !k.isEmpty()));
  }

  /**
   * Starts the run; what the platform refuses shows at its column (a column twice, one it cannot
   * write), the rest as a notification.
   */
  private void start(boolean dryRun) {
    problem.setText("");
    Map<String, String> mapping = mapping();
    if (mapping.values().stream().allMatch(String::isEmpty)) {
      problem.setText(getTranslation("import.columns.none"));
      return;
    }
    fields.forEach(f -> f.setInvalid(false));
    match.setInvalid(false);
    Optional<String> key = Optional.ofNullable(match.getValue()).filter(k -> !k.isEmpty());
    if (key.isPresent() && !mapping.containsValue(key.get())) {
      // without the key's column no row would find its record: each would be added
      match.setErrorMessage(
          getTranslation(
              "import.match.unmapped",
              wizard.object().field(key.get()).map(Labels::field).orElse(key.get())));
      match.setInvalid(true);
      return;
    }
    CsvOptions chosen = options.mapping(mapping);
    Imports.Settings settings = settings(dryRun);
    Imports.Started started;
    try {
      started =
          imports.start(wizard.actor(), wizard.object().name(), wizard.file(), chosen, settings);
    } catch (InvalidRequestException refused) {
      List<String> elsewhere = new ArrayList<>();
      for (ProblemException.Violation violation : refused.violations()) {
        String text = Messages.text(violation.code(), getLocale(), violation.args().toArray());
        String[] pointer = violation.pointer().replaceFirst("^/", "").split("/");
        if (pointer.length == 2 && pointer[0].equals("header")) {
          Select<String> field = fields.get(Integer.parseInt(pointer[1]));
          field.setErrorMessage(text);
          field.setInvalid(true);
        } else {
          elsewhere.add(text);
        }
      }
      if (!elsewhere.isEmpty()) {
        Problems.notify(elsewhere);
      }
      return;
    } catch (ProblemException refused) {
      Problems.notify(List.of(Problems.text(refused, getLocale())));
      return;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    wizard.runStep(started, chosen, settings, preview);
  }
}
