package io.relata.ui.screen;

import com.vaadin.flow.component.UI;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.Layout;
import io.relata.metadata.definition.ListView;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.definition.PicklistValue;
import io.relata.metadata.definition.Pipeline;
import io.relata.metadata.definition.SystemFields;
import io.relata.metadata.presentation.App;
import io.relata.metadata.presentation.Dashboard;
import io.relata.metadata.presentation.Widget;
import java.util.Locale;

/**
 * The one place screens take the labels of metadata from: objects, fields, picklist values, stages,
 * layout sections, list views, apps, dashboards and widgets, each in the user's language where its
 * document translates it ({@code labels}), else as the document labels it.
 */
public final class Labels {

  private Labels() {}

  public static String singular(ObjectDefinition object) {
    return object.labels().in(locale(), object.label());
  }

  public static String plural(ObjectDefinition object) {
    return object.pluralLabels().in(locale(), object.pluralLabel());
  }

  /** A field's label; the platform's own fields (owner, created at…) in the user's language. */
  public static String field(FieldDefinition field) {
    if (SystemFields.NAMES.contains(field.name())
        && (!field.name().equals("stage") || field.type() instanceof FieldType.Stage)) {
      UI ui = UI.getCurrent();
      if (ui != null) {
        return ui.getTranslation("field." + field.name());
      }
    }
    return field.labels().in(locale(), field.label());
  }

  public static String value(PicklistValue value) {
    return value.labels().in(locale(), value.label());
  }

  public static String stage(Pipeline.Stage stage) {
    return stage.labels().in(locale(), stage.label());
  }

  public static String section(Layout.Section section) {
    return section.labels().in(locale(), section.label());
  }

  public static String view(ListView view) {
    return view.labels().in(locale(), view.label());
  }

  public static String app(App app) {
    return app.labels().in(locale(), app.label());
  }

  public static String dashboard(Dashboard dashboard) {
    return dashboard.labels().in(locale(), dashboard.label());
  }

  public static String widget(Widget widget) {
    return widget.titles().in(locale(), widget.title());
  }

  /** The user's language: the UI's, which the session set from their profile. */
  private static Locale locale() {
    UI ui = UI.getCurrent();
    return ui == null ? null : ui.getLocale();
  }
}
