package io.relata.ui.transfer;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.shared.Registration;
import io.relata.platform.record.RowError;
import io.relata.platform.rest.ProblemException;
import io.relata.platform.transfer.CsvOptions;
import io.relata.platform.transfer.ImportJobs;
import io.relata.platform.transfer.Imports;
import io.relata.ui.screen.Labels;
import io.relata.ui.screen.Problems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The wizard's last step: the import (or its check) running on the server, its progress read from
 * its job every half second, then how it ended — rows written and refused, each refusal with its
 * row and reasons, the refused rows as a file to correct — and where to go next.
 */
final class ImportRun extends Div {

  private static final int POLL_MILLIS = 500;

  private final ImportView wizard;
  private final Imports imports;
  private final Imports.Started started;
  private final CsvOptions options;
  private final Imports.Settings settings;
  private final Imports.Preview preview;
  private final H2 title;
  private final ProgressBar bar = new ProgressBar();
  private final Span status = new Span();
  private Registration polling;
  private boolean shown;

  ImportRun(
      ImportView wizard,
      Imports imports,
      Imports.Started started,
      CsvOptions options,
      Imports.Settings settings,
      Imports.Preview preview) {
    this.wizard = wizard;
    this.imports = imports;
    this.started = started;
    this.options = options;
    this.settings = settings;
    this.preview = preview;
    addClassName("relata-import-run");
    title =
        new H2(
            getTranslation(
                settings.dryRun() ? "import.run.checking" : "import.run.importing",
                wizard.fileName()));
    title.setId("import-run-title");
    bar.setId("import-progress");
    bar.setMin(0);
    bar.setMax(1);
    bar.setIndeterminate(true);
    status.setId("import-status");
    status.addClassName("relata-muted");
    add(title, bar, status);
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    UI ui = event.getUI();
    ui.setPollInterval(POLL_MILLIS);
    polling = ui.addPollListener(e -> refresh());
    refresh();
  }

  @Override
  protected void onDetach(DetachEvent event) {
    stopPolling(event.getUI());
    super.onDetach(event);
  }

  private void stopPolling(UI ui) {
    if (polling != null) {
      polling.remove();
      polling = null;
      ui.setPollInterval(-1);
    }
  }

  /** How far it has got; once it has ended, how it ended. */
  private void refresh() {
    if (shown) {
      return;
    }
    if (started.outcome().isDone()) {
      shown = true;
      getUI().ifPresent(this::stopPolling);
      ended();
      return;
    }
    Optional<ImportJobs.Progress> progress = imports.progress(wizard.actor(), started.job());
    progress.ifPresent(
        p -> {
          if (preview.rows() > 0) {
            bar.setIndeterminate(false);
            bar.setValue(Math.min(1.0, (double) p.checked() / preview.rows()));
          }
          status.setText(
              getTranslation("import.run.progress", whole(p.checked()), whole(preview.rows())));
        });
  }

  private void ended() {
    Imports.Outcome outcome;
    try {
      outcome = started.outcome().get();
    } catch (ExecutionException | CompletionException e) {
      failed(e.getCause());
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    bar.setIndeterminate(false);
    bar.setValue(1);
    status.setText("");
    title.setText(
        getTranslation(
            settings.dryRun() ? "import.run.checked" : "import.run.imported", wizard.fileName()));
    String key =
        settings.dryRun()
            ? "import.result.checked"
            : outcome.completed() ? "import.result.done" : "import.result.none";
    long read = outcome.read();
    Span result =
        new Span(
            getTranslation(
                key,
                whole(read),
                whole(settings.dryRun() ? read - outcome.failed() : outcome.written()),
                whole(outcome.failed())));
    result.setId("import-result");
    // all good; some refused (the rest written or writable); or nothing written
    result.addClassName(
        outcome.failed() == 0
            ? "relata-import-result-good"
            : outcome.completed() && read > outcome.failed()
                ? "relata-import-result-partly"
                : "relata-import-result-refused");
    Div box = new Div(result);
    box.addClassName("relata-import-result");
    add(box);
    if (!outcome.errors().isEmpty()) {
      refused(outcome);
    }
    add(next());
  }

  /** The refused rows: each with its reasons, and all of them as a file to correct. */
  private void refused(Imports.Outcome outcome) {
    String object = wizard.object().name();
    if (outcome.failed() > outcome.errors().size()) {
      Span first = new Span(getTranslation("import.result.first", whole(outcome.errors().size())));
      first.addClassName("relata-muted");
      add(first);
    }
    Grid<RowError> grid = new Grid<>();
    grid.setId("import-refused");
    grid.addClassName("relata-setup-grid");
    grid.addColumn(RowError::row)
        .setHeader(getTranslation("import.result.row"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addColumn(error -> imports.why(object, error, getLocale()))
        .setHeader(getTranslation("import.result.why"))
        .setFlexGrow(1);
    grid.setItems(outcome.errors());
    grid.setAllRowsVisible(outcome.errors().size() <= 20);
    add(grid);
    // written from the file when asked, not while the page is drawn
    java.nio.file.Path source = wizard.file();
    // the download is a request of its own, without the screen's language: taken now
    java.util.Locale locale = getLocale();
    DownloadHandler file =
        event -> {
          event.setFileName("refused-" + object + ".csv");
          event.setContentType("text/csv; charset=UTF-8");
          imports.refusedRows(
              object, source, options, outcome.errors(), locale, event.getOutputStream());
        };
    Anchor download = new Anchor(file, getTranslation("import.result.download"));
    download.setId("import-download");
    download.getElement().setAttribute("download", true);
    download.addClassName("relata-import-download");
    com.vaadin.flow.component.icon.Icon icon = VaadinIcon.DOWNLOAD_ALT.create();
    icon.addClassName("relata-import-download-icon");
    Div line = new Div(icon, download);
    line.addClassName("relata-import-download-line");
    add(line);
  }

  /** After a check: back to the columns, or the import itself; after an import: the list. */
  private HorizontalLayout next() {
    HorizontalLayout buttons = new HorizontalLayout();
    buttons.addClassName("relata-import-buttons");
    if (settings.dryRun()) {
      Button back =
          new Button(
              getTranslation("import.result.back"),
              e -> wizard.columnsStep(preview, options, Optional.of(settings)));
      back.setId("import-back-columns");
      Button run = new Button(getTranslation("import.columns.run"), e -> importNow());
      run.setId("import-run-now");
      run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      buttons.add(back, run);
    } else {
      Button again = new Button(getTranslation("import.result.again"), e -> wizard.fileStep());
      again.setId("import-again");
      Button open =
          new Button(
              getTranslation("import.result.open", Labels.plural(wizard.object())),
              e -> getUI().ifPresent(ui -> ui.navigate("o/" + wizard.object().name())));
      open.setId("import-open");
      open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      buttons.add(again, open);
    }
    return buttons;
  }

  private void importNow() {
    Imports.Settings real =
        new Imports.Settings(settings.allOrNothing(), false, settings.upsertBy());
    try {
      wizard.runStep(
          imports.start(wizard.actor(), wizard.object().name(), wizard.file(), options, real),
          options,
          real,
          preview);
    } catch (ProblemException refused) {
      Problems.notify(List.of(Problems.text(refused, getLocale())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A run that stopped before its end: why, as a person reads it; never a stack trace. */
  private void failed(Throwable cause) {
    bar.setVisible(false);
    status.setText("");
    String text =
        cause instanceof ProblemException problem
            ? Problems.text(problem, getLocale())
            : getTranslation("import.run.failed");
    Span failure = new Span(text);
    failure.setId("import-result");
    failure.addClassName("relata-import-result-refused");
    Div box = new Div(failure);
    box.addClassName("relata-import-result");
    Button back =
        new Button(
            getTranslation("import.result.back"),
            e -> wizard.columnsStep(preview, options, Optional.of(settings)));
    back.setId("import-back-columns");
    add(box, back);
  }

  private String whole(long count) {
    return wizard.values().number(BigDecimal.valueOf(count), 0);
  }
}
