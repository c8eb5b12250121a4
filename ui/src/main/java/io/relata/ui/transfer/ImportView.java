package io.relata.ui.transfer;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.platform.access.ObjectAccess;
import io.relata.platform.identity.Actor;
import io.relata.platform.rest.ProblemException;
import io.relata.platform.transfer.CsvOptions;
import io.relata.platform.transfer.Imports;
import io.relata.ui.format.Values;
import io.relata.ui.list.ObjectListView;
import io.relata.ui.screen.Labels;
import io.relata.ui.screen.Problems;
import io.relata.ui.screen.Workspace;
import io.relata.ui.session.SignedInUser;
import io.relata.ui.session.UserSettings;
import io.relata.ui.shell.MainLayout;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The import wizard, for whoever may create an object's records: a CSV file uploaded, its columns
 * mapped to fields (guessed by name or label), checked without saving, imported with the progress
 * shown, and the refused rows listed and downloadable to be corrected. Every row goes through the
 * same write pipeline as the API's import.
 */
@Route(value = "o/:object/import", layout = MainLayout.class)
public class ImportView extends Div implements BeforeEnterObserver, HasDynamicTitle {

  /** The largest file taken: what a person imports from a spreadsheet, and well more. */
  static final long MAX_BYTES = 200L * 1024 * 1024;

  private final Workspace workspace;
  private final Imports imports;
  private final Div steps = new Div();
  private final Div body = new Div();
  private Actor actor;
  private ObjectDefinition object;
  private ObjectAccess access;
  private Values values;
  private Path file;
  private String fileName;
  private Upload upload;
  private Span problem;

  @Inject
  public ImportView(Workspace workspace, Imports imports) {
    this.workspace = workspace;
    this.imports = imports;
    addClassName("relata-page");
    addClassName("relata-import");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    actor = SignedInUser.current().orElseThrow();
    Workspace.View view = workspace.of(actor);
    Optional<ObjectDefinition> found = view.routed(event);
    if (found.isEmpty()) {
      return;
    }
    object = found.get();
    access = view.access(object);
    if (!access.rights().create()) {
      event.rerouteToError(NotFoundException.class);
      return;
    }
    values = UserSettings.current().orElseThrow().values();
    removeAll();
    RouterLink back =
        new RouterLink(
            Labels.plural(object),
            ObjectListView.class,
            new RouteParameters("object", object.name()));
    back.setId("import-back-to-list");
    back.addClassName("relata-setup-back");
    H1 title = new H1(getTranslation("import.title", Labels.plural(object)));
    title.setId("import-title");
    steps.addClassName("relata-import-steps");
    body.addClassName("relata-import-body");
    // a view kept from an earlier visit: nothing of its run comes back
    body.removeAll();
    add(back, title, steps, body);
    fileStep();
  }

  /** Step 1: the file. */
  void fileStep() {
    forget();
    step(1);
    Paragraph about = new Paragraph(getTranslation("import.file.about", Labels.plural(object)));
    about.addClassName("relata-muted");
    Span problem = new Span();
    problem.setId("import-file-problem");
    problem.addClassName("relata-field-error");
    Upload upload = new Upload(new LimitedUpload(this::uploaded));
    upload.setId("import-upload");
    upload.setMaxFiles(1);
    upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, MAX_BYTES));
    upload.setAcceptedFileTypes(".csv", ".txt", "text/csv", "text/plain");
    upload.setI18n(uploadTexts());
    upload.setDropAllowed(true);
    upload.addFileRejectedListener(e -> problem.setText(e.getErrorMessage()));
    this.upload = upload;
    this.problem = problem;
    body.removeAll();
    body.add(about, upload, problem);
  }

  /** A file arrived: previewed, or refused at the upload with why; nothing kept once left. */
  private void uploaded(String name, Path arrived) {
    if (!isAttached()) {
      delete(arrived); // the wizard was left while the file was on its way
      return;
    }
    forget();
    file = arrived;
    fileName = name;
    problem.setText("");
    try {
      columnsStep(
          imports.preview(actor, object.name(), file, CsvOptions.detect()),
          CsvOptions.detect(),
          Optional.empty());
    } catch (ProblemException refused) {
      problem.setText(Problems.text(refused, getLocale()));
      upload.clearFileList(); // the next file is taken at once
      forget();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Step 2: the columns, from the file's preview, with the options it was read with. */
  void columnsStep(
      Imports.Preview preview, CsvOptions options, Optional<Imports.Settings> previous) {
    step(2);
    body.removeAll();
    body.add(new ColumnsStep(this, imports, access, preview, options, previous));
  }

  /** Step 3: the import (or its check) running, then its outcome. */
  void runStep(
      Imports.Started started,
      CsvOptions options,
      Imports.Settings settings,
      Imports.Preview preview) {
    step(3);
    body.removeAll();
    body.add(new ImportRun(this, imports, started, options, settings, preview));
  }

  ObjectDefinition object() {
    return object;
  }

  Actor actor() {
    return actor;
  }

  Values values() {
    return values;
  }

  Path file() {
    return file;
  }

  String fileName() {
    return fileName;
  }

  /** The three steps, the current one marked. */
  private void step(int current) {
    steps.removeAll();
    List<String> names = List.of("import.step.file", "import.step.columns", "import.step.import");
    for (int i = 0; i < names.size(); i++) {
      Span number = new Span(Integer.toString(i + 1));
      number.addClassName("relata-import-step-number");
      Div one = new Div(number, new Span(getTranslation(names.get(i))));
      one.addClassName("relata-import-step");
      one.setId("import-step-" + (i + 1));
      if (i + 1 == current) {
        one.addClassName("relata-import-step-current");
        one.getElement().setAttribute("aria-current", "step");
      } else if (i + 1 < current) {
        one.addClassName("relata-import-step-done");
      }
      steps.add(one);
    }
  }

  /** Deletes the uploaded file: a new one replaces it, or the wizard is left. */
  private void forget() {
    if (file != null) {
      delete(file);
      file = null;
    }
  }

  static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a temporary file: the system's clean-up takes it later
    }
  }

  @Override
  protected void onDetach(DetachEvent event) {
    forget();
    super.onDetach(event);
  }

  private UploadI18N uploadTexts() {
    return new UploadI18N()
        .setDropFiles(
            new UploadI18N.DropFiles()
                .setOne(getTranslation("import.file.drop"))
                .setMany(getTranslation("import.file.drop")))
        .setAddFiles(
            new UploadI18N.AddFiles()
                .setOne(getTranslation("import.file.choose"))
                .setMany(getTranslation("import.file.choose")))
        .setError(
            new UploadI18N.Error()
                .setTooManyFiles(getTranslation("import.file.one"))
                .setFileIsTooBig(getTranslation("import.file.too-big", MAX_BYTES / 1024 / 1024))
                .setIncorrectFileType(getTranslation("import.file.type")))
        .setUploading(
            new UploadI18N.Uploading()
                .setStatus(
                    new UploadI18N.Uploading.Status()
                        .setConnecting(getTranslation("import.file.connecting"))
                        .setStalled(getTranslation("import.file.stalled"))
                        .setProcessing(getTranslation("import.file.processing"))
                        .setHeld(getTranslation("import.file.queued")))
                .setRemainingTime(
                    new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(getTranslation("import.file.remaining"))
                        .setUnknown(getTranslation("import.file.remaining-unknown")))
                .setError(
                    new UploadI18N.Uploading.Error()
                        .setServerUnavailable(getTranslation("import.file.failed"))
                        .setUnexpectedServerError(getTranslation("import.file.failed"))
                        .setForbidden(getTranslation("import.file.failed"))))
        .setFile(
            new UploadI18N.File()
                .setRetry(getTranslation("import.file.retry"))
                .setStart(getTranslation("import.file.start"))
                .setRemove(getTranslation("import.file.remove")))
        .setUnits(List.of("B", "kB", "MB", "GB", "TB"));
  }

  @Override
  public String getPageTitle() {
    return object == null ? "" : getTranslation("import.title", Labels.plural(object));
  }
}
