package io.relata.ui.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.relata.metadata.kind.DocumentKind;
import io.relata.metadata.kind.DocumentKinds;
import io.relata.metadata.kind.Documents;
import io.relata.metadata.problem.Problem;
import io.relata.platform.access.SharingPreview;
import io.relata.platform.automation.TestRuns;
import io.relata.platform.directory.Group;
import io.relata.platform.directory.Groups;
import io.relata.platform.directory.Users;
import io.relata.platform.message.Messages;
import io.relata.platform.metadata.MetadataService;
import io.relata.platform.record.RecordService;
import io.relata.ui.screen.ConfirmDelete;
import io.relata.ui.screen.Problems;
import io.relata.ui.screen.Workspace;
import io.relata.ui.shell.MainLayout;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One document of any kind, edited in a form its kind's meta-schema generates; saving shows the
 * plan of what the change does to the database before it is done, and a refusal at the field it
 * concerns. {@code new} as the name starts an empty document.
 */
@Route(value = "setup/:kind/:name", layout = MainLayout.class)
public class DocumentView extends SetupPage {

  /**
   * How many users a choice of users offers; another can still be typed by username, and the
   * platform says whether it is one.
   */
  private static final int OFFERED_USERS = 500;

  /** The name in the address of a document not saved yet. */
  static final String NEW = "new";

  private final MetadataService metadata;
  private final RecordService records;
  private final Groups groups;
  private final Users users;
  private final SharingPreview sharing;
  private final TestRuns testRuns;
  private DocumentKind kind;
  private String name;
  private SchemaForm form;

  /** The document as it was when the form was drawn; empty for a new one. */
  private Optional<JsonNode> loaded = Optional.empty();

  @Inject
  public DocumentView(
      Workspace workspace,
      MetadataService metadata,
      RecordService records,
      Groups groups,
      Users users,
      SharingPreview sharing,
      TestRuns testRuns) {
    super(workspace);
    this.metadata = metadata;
    this.records = records;
    this.groups = groups;
    this.users = users;
    this.sharing = sharing;
    this.testRuns = testRuns;
    addClassName("relata-setup-document");
  }

  /** Why a script does not parse, at its line, in the admin's language; empty when it parses. */
  private Optional<String> syntax(String source) {
    return testRuns
        .syntax(actor(), source)
        .map(
            error -> {
              // the parser's first line says what it expected; the rest repeats the source
              String what = error.message().lines().findFirst().orElse("").trim();
              return error
                  .line()
                  .map(line -> getTranslation("setup.script.syntax", line, what))
                  .orElseGet(() -> getTranslation("setup.script.syntax-nowhere", what));
            });
  }

  @Override
  boolean enter(BeforeEnterEvent event, Workspace.View view) {
    kind = DocumentKinds.find(event.getRouteParameters().get("kind").orElse("")).orElse(null);
    name = event.getRouteParameters().get("name").orElse("");
    if (kind == DocumentKinds.AUTOMATIONS) {
      testRuns.prepareScripts(actor()); // its scripts are checked as they are typed
    }
    return kind != null && render();
  }

  /** Draws the document as the current model has it; false when there is no such document. */
  private boolean render() {
    boolean creating = name.equals(NEW);
    ObjectNode document;
    loaded = creating ? Optional.empty() : Documents.of(metadata.current()).find(kind, name);
    if (creating) {
      document = JsonNodeFactory.instance.objectNode();
    } else {
      document =
          Documents.of(metadata.current())
              .find(kind, name)
              .map(found -> (ObjectNode) found.deepCopy())
              .orElse(null);
      if (document == null) {
        return false;
      }
    }
    removeAll();
    RouterLink back =
        back(
            SetupAccess.kind(this, kind.id()),
            KindView.class,
            new RouteParameters("kind", kind.id()));
    H1 title =
        new H1(
            creating
                ? getTranslation("setup.new-document", SetupAccess.kind(this, kind.id()))
                : document.path("label").asText(name));
    ObjectNode edited = document;
    SchemaForm.Assist assist =
        kind == DocumentKinds.OBJECTS
            ? new ObjectAssist(
                // while the form is first drawn, the document as loaded
                () -> form == null ? edited : form.document(),
                getLocale(),
                records,
                !creating,
                new ObjectNames(
                    () -> edited, // edited in place: the names as the admin has them now
                    metadata.current(),
                    getLocale(),
                    SetupAccess.texts(this)))
            : kind == DocumentKinds.PERMISSION_SETS
                ? new PermissionSetAssist(
                    metadata.current(),
                    SetupAccess.texts(this),
                    new DocumentNames(kind, () -> edited, metadata.current(), people()))
                : new DocumentAssist(
                    kind,
                    () -> edited,
                    metadata.current(),
                    getLocale(),
                    new DocumentNames(kind, () -> edited, metadata.current(), people()),
                    this::syntax,
                    SetupAccess.texts(this));
    form =
        new SchemaForm(
            kind.metaSchema().document(), document, SetupAccess.texts(this), !creating, assist);
    Button save = new Button(getTranslation("setup.save"), e -> save());
    save.setId("setup-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    HorizontalLayout actions = new HorizontalLayout(save);
    actions.addClassName("relata-setup-actions");
    if (!creating && TestRuns.KINDS.contains(kind.id())) {
      Button test = new Button(getTranslation("setup.test-run.open"), e -> testRun());
      test.setId("setup-test-run");
      test.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
      actions.add(test);
    }
    if (!creating) {
      Button delete =
          new Button(
              getTranslation("setup.delete"),
              e ->
                  ConfirmDelete.open(
                      "setup-delete-confirm",
                      getTranslation("setup.delete.question", title.getText()),
                      getTranslation("setup.delete"),
                      "setup-delete-yes",
                      this::delete));
      delete.setId("setup-delete");
      delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
      actions.add(delete);
    }
    add(back, title, form);
    if (kind == DocumentKinds.SHARING_RULES) {
      SharingRulePreview preview =
          new SharingRulePreview(
              form::document, form::show, sharing, metadata.current(), getLocale());
      add(preview); // counted when asked: a count over a big table must not hold the page
    }
    add(actions);
    return true;
  }

  /**
   * Tries the saved document on a record of its object; a script stopped at a line is also said at
   * the script's field.
   */
  private void testRun() {
    metadata
        .current()
        .object(loaded.orElseThrow().path("object").asText(""))
        .ifPresent(
            object ->
                new TestRunDialog(
                        kind.id(),
                        name,
                        object,
                        records,
                        testRuns,
                        metadata.current(),
                        users,
                        getLocale(),
                        refused -> {
                          Map<String, String> at = new LinkedHashMap<>();
                          for (var violation : refused.violations()) {
                            if (violation.code().equals("automation.script-stopped")
                                && violation.args().get(5).equals(name)) {
                              // this automation's, not one it set off: its action's number, from
                              // 1, follows the label, kind, words and line
                              at.put(
                                  "/actions/"
                                      + (((Number) violation.args().get(4)).intValue() - 1)
                                      + "/source",
                                  Messages.text(
                                      violation.code(), getLocale(), violation.args().toArray()));
                            }
                          }
                          form.show(at);
                        })
                    .open());
  }

  /** The users and groups a rule may name, read when a choice opens. */
  private DocumentNames.People people() {
    return new DocumentNames.People() {
      @Override
      public Map<String, String> users() {
        return users.usernames(OFFERED_USERS);
      }

      @Override
      public Map<String, String> groups() {
        Map<String, String> names = new LinkedHashMap<>();
        GroupsView.all(groups).stream()
            .sorted(Comparator.comparing(Group::label))
            .forEach(group -> names.put(group.name(), group.label()));
        return names;
      }
    };
  }

  private void save() {
    if (!form.notJson().isEmpty()) {
      form.show(Map.of()); // what was typed is not JSON: said at its box, and nothing saved
      return;
    }
    ObjectNode document = form.document().deepCopy();
    String saved = document.path("name").asText("");
    Optional<JsonNode> now =
        Documents.of(metadata.current()).find(kind, loaded.isEmpty() ? saved : name);
    if (loaded.isEmpty() && now.isPresent()) {
      // a new document never replaces another of its name
      form.show(Map.of("/name", getTranslation("setup.name-taken", saved)));
      return;
    }
    if (loaded.isPresent() && !loaded.equals(now)) {
      Problems.notify(List.of(getTranslation("setup.changed-meanwhile")));
      return;
    }
    changes()
        .propose(
            getTranslation("setup.plan.title"),
            docs -> docs.put(kind, document),
            "setup: " + kind.id() + "/" + saved,
            this::refused,
            revision -> {
              if (saved.equals(name)) {
                render(); // as saved: renames done, markers gone
              } else {
                getUI()
                    .ifPresent(
                        ui ->
                            ui.navigate(
                                DocumentView.class,
                                new RouteParameters(Map.of("kind", kind.id(), "name", saved))));
              }
            });
  }

  private void delete() {
    changes()
        .propose(
            getTranslation("setup.plan.title"),
            docs -> docs.remove(kind, name),
            "setup: delete " + kind.id() + "/" + name,
            this::refused,
            revision ->
                getUI()
                    .ifPresent(
                        ui -> ui.navigate(KindView.class, new RouteParameters("kind", kind.id()))));
  }

  /**
   * Shows a refusal: this document's problems at its fields, another document's (one that would
   * break by the change) as a notification naming it.
   */
  private void refused(Map<String, List<Problem>> problems) {
    String own =
        kind == DocumentKinds.OBJECTS
            ? form.document().path("name").asText(name)
            : kind.id() + "/" + form.document().path("name").asText(name);
    List<String> elsewhere = new ArrayList<>();
    problems.forEach(
        (key, list) -> {
          if (key.equals(own) || (key.startsWith("#") && problems.size() == 1)) {
            elsewhere.addAll(form.show(Changes.messages(list, getLocale())));
          } else {
            Changes.messages(list, getLocale())
                .forEach((pointer, text) -> elsewhere.add(key + pointer + ": " + text));
          }
        });
    Problems.notify(elsewhere.isEmpty() ? List.of(getTranslation("setup.refused")) : elsewhere);
  }

  private Changes changes() {
    return new Changes(metadata, actor(), this);
  }

  @Override
  public String getPageTitle() {
    return kind == null ? getTranslation("setup.title") : SetupAccess.kind(this, kind.id());
  }
}
