package io.relata.ui.setup;

import io.relata.metadata.kind.DocumentKind;
import io.relata.metadata.kind.DocumentKinds;
import io.relata.metadata.model.CompiledModel;
import io.relata.ui.screen.Labels;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The names of other documents that a document of any kind but an object refers to, offered as
 * choices: a role's parent, an app's objects and home dashboard, the objects and fields a
 * permission set grants rights on, a dashboard widget's object.
 */
final class DocumentNames implements SchemaForm.Assist {

  private static final Pattern FIELD_RIGHTS = Pattern.compile("/objects/([^/]+)/fields");
  private static final Pattern WIDGET_OBJECT = Pattern.compile("/widgets/\\d+/object");

  private final DocumentKind kind;
  private final CompiledModel model;

  DocumentNames(DocumentKind kind, CompiledModel model) {
    this.kind = kind;
    this.model = model;
  }

  @Override
  public Optional<Supplier<Map<String, String>>> names(String pointer) {
    if (kind == DocumentKinds.APPS && pointer.equals("/objects")) {
      return Optional.of(this::objects);
    }
    if (kind == DocumentKinds.APPS && pointer.equals("/home")) {
      return Optional.of(this::dashboards);
    }
    if (kind == DocumentKinds.ROLES && pointer.equals("/parent")) {
      return Optional.of(this::roles);
    }
    if (kind == DocumentKinds.PERMISSION_SETS && pointer.equals("/objects")) {
      return Optional.of(this::objects);
    }
    var fields = FIELD_RIGHTS.matcher(pointer);
    if (kind == DocumentKinds.PERMISSION_SETS && fields.matches()) {
      String object = fields.group(1).replace("~1", "/").replace("~0", "~");
      return Optional.of(() -> fields(object));
    }
    if (kind == DocumentKinds.DASHBOARDS && WIDGET_OBJECT.matcher(pointer).matches()) {
      return Optional.of(this::objects);
    }
    return Optional.empty();
  }

  private Map<String, String> objects() {
    Map<String, String> names = new LinkedHashMap<>();
    model.objects().stream()
        .sorted(Comparator.comparing(Labels::singular))
        .forEach(object -> names.put(object.name(), Labels.singular(object)));
    return names;
  }

  private Map<String, String> roles() {
    Map<String, String> names = new LinkedHashMap<>();
    model.access().roles().stream()
        .sorted(Comparator.comparing(io.relata.metadata.access.Role::label))
        .forEach(role -> names.put(role.name(), role.label()));
    return names;
  }

  private Map<String, String> fields(String object) {
    Map<String, String> names = new LinkedHashMap<>();
    model
        .object(object)
        .ifPresent(
            found -> found.fields().forEach(field -> names.put(field.name(), Labels.field(field))));
    return names;
  }

  private Map<String, String> dashboards() {
    Map<String, String> names = new LinkedHashMap<>();
    model.presentation().dashboards().stream()
        .sorted(Comparator.comparing(Labels::dashboard))
        .forEach(dashboard -> names.put(dashboard.name(), Labels.dashboard(dashboard)));
    return names;
  }
}
