package io.relata.ui.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.relata.metadata.access.SystemPermission;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.platform.access.AccessExplainer;
import io.relata.platform.directory.Users;
import io.relata.platform.metadata.MetadataService;
import io.relata.platform.record.RecordService;
import io.relata.platform.rest.ProblemException;
import io.relata.ui.screen.Labels;
import io.relata.ui.screen.Problems;
import io.relata.ui.screen.Workspace;
import io.relata.ui.shell.MainLayout;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Why a user can or cannot see or change a record and its fields: the admin picks a user, an object
 * and one of its records, and reads each operation allowed or not, with the permission sets that
 * give the object right and the rules (owner, role, sharing rule, share) that reach the record,
 * then each field's access and the sets that give it. The platform's explainer answers, which asks
 * the evaluator every request asks.
 */
@Route(value = "setup/explain", layout = MainLayout.class)
public class ExplainView extends SetupPage {

  private static final List<String> OPERATIONS =
      List.of("create", "read", "edit", "delete", "share");

  private final AccessExplainer explainer;
  private final Users users;
  private final MetadataService metadata;
  private final RecordService records;
  private final Div answer = new Div();

  @Inject
  public ExplainView(
      Workspace workspace,
      AccessExplainer explainer,
      Users users,
      MetadataService metadata,
      RecordService records) {
    super(workspace);
    this.explainer = explainer;
    this.users = users;
    this.metadata = metadata;
    this.records = records;
  }

  @Override
  boolean allowed(Workspace.View view) {
    return view.holds(SystemPermission.MANAGE_USERS);
  }

  @Override
  boolean enter(BeforeEnterEvent event, Workspace.View view) {
    removeAll();
    answer.removeAll();
    answer.setId("explain-answer");
    answer.addClassName("relata-explain");
    UserPicker user = new UserPicker(users, getTranslation("setup.explain.user"), Optional.empty());
    user.setId("explain-user");
    Select<ObjectDefinition> object = new Select<>();
    object.setLabel(getTranslation("setup.explain.object"));
    object.setId("explain-object");
    List<ObjectDefinition> objects = new ArrayList<>(metadata.current().objects());
    objects.sort(Comparator.comparing(Labels::singular));
    object.setItems(objects);
    object.setItemLabelGenerator(Labels::singular);
    RecordPicker record = new RecordPicker(records, getTranslation("setup.explain.record"));
    record.setId("explain-record");
    record.setEnabled(false);
    object.addValueChangeListener(
        e -> {
          record.clear();
          record.of(e.getValue());
          record.setEnabled(e.getValue() != null);
        });
    Button explain =
        new Button(
            getTranslation("setup.explain.run"),
            e ->
                show(
                    Optional.ofNullable(user.getValue()),
                    Optional.ofNullable(object.getValue()),
                    Optional.ofNullable(record.getValue())));
    explain.setId("explain-run");
    explain.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    HorizontalLayout asked = new HorizontalLayout(user, object, record, explain);
    asked.setAlignItems(FlexComponent.Alignment.BASELINE);
    asked.addClassName("relata-explain-asked");
    add(
        back(getTranslation("setup.title"), SetupView.class, RouteParameters.empty()),
        new H1(getTranslation("setup.explain.title")),
        new Paragraph(getTranslation("setup.explain.intro")),
        asked,
        answer);
    return true;
  }

  private void show(
      Optional<Users.Pickable> user,
      Optional<ObjectDefinition> object,
      Optional<RecordPicker.Found> record) {
    answer.removeAll();
    if (user.isEmpty() || object.isEmpty()) {
      Problems.notify(List.of(getTranslation("setup.explain.choose")));
      return;
    }
    JsonNode explained;
    try {
      explained =
          explainer.explain(
              actor(),
              user.get().id(),
              object.get().name(),
              record.map(RecordPicker.Found::id),
              getLocale());
    } catch (ProblemException refused) {
      Problems.notify(List.of(Problems.text(refused, getLocale())));
      return;
    }
    String who = user.get().name();
    String what = record.map(RecordPicker.Found::name).orElse(Labels.plural(object.get()));
    JsonNode sets = explained.path("user").path("permissionSets");
    List<String> held = new ArrayList<>();
    sets.forEach(set -> held.add(set.asText()));
    answer.add(
        new Paragraph(
            getTranslation(
                "setup.explain.holds",
                who,
                held.isEmpty() ? "—" : String.join(", ", held),
                explained.path("user").path("role").asText("—"))));
    answer.add(new H2(getTranslation("setup.explain.operations", who, what)));
    UnorderedList operations = new UnorderedList();
    operations.setId("explain-operations");
    for (String operation : OPERATIONS) {
      JsonNode node = explained.path("operations").path(operation);
      boolean allowed = node.path("allowed").asBoolean();
      ListItem item = new ListItem();
      item.getElement().setAttribute("data-operation", operation);
      item.addClassName(allowed ? "relata-explain-yes" : "relata-explain-no");
      Span verdict =
          new Span(
              getTranslation(
                  allowed ? "setup.explain.allowed" : "setup.explain.denied",
                  getTranslation("setup.explain.op." + operation)));
      verdict.addClassName("relata-explain-verdict");
      item.add(verdict);
      List<String> because = new ArrayList<>();
      node.path("objectRight").path("permissionSets").forEach(set -> because.add(set.asText()));
      item.add(
          new Span(
              because.isEmpty()
                  ? getTranslation("setup.explain.no-set")
                  : getTranslation("setup.explain.by-sets", String.join(", ", because))));
      JsonNode reach = node.has("thisRecord") ? node.path("thisRecord") : node.path("records");
      if (!reach.isMissingNode()) {
        List<String> rules = new ArrayList<>();
        reach.path("grantedBy").forEach(grant -> rules.add(grant.path("message").asText()));
        item.add(
            new Span(
                rules.isEmpty()
                    ? getTranslation("setup.explain.no-rule")
                    : getTranslation("setup.explain.by-rules", String.join("; ", rules))));
      }
      operations.add(item);
    }
    answer.add(operations);
    answer.add(new H2(getTranslation("setup.explain.fields")));
    UnorderedList fields = new UnorderedList();
    fields.setId("explain-fields");
    for (JsonNode field : explained.path("fields")) {
      String name = field.path("field").asText();
      String label = object.get().field(name).map(Labels::field).orElse(name);
      List<String> giving = new ArrayList<>();
      field.path("permissionSets").forEach(set -> giving.add(set.asText()));
      ListItem item =
          new ListItem(
              getTranslation(
                  "setup.explain.field",
                  label,
                  getTranslation("setup.value." + field.path("access").asText()),
                  giving.isEmpty() ? "—" : String.join(", ", giving)));
      item.getElement().setAttribute("data-field", name);
      fields.add(item);
    }
    answer.add(fields);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("setup.explain.title");
  }
}
