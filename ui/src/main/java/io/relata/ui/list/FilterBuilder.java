package io.relata.ui.list;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import io.relata.metadata.condition.ConditionException;
import io.relata.metadata.condition.ConditionParser;
import io.relata.metadata.condition.ConditionPrinter;
import io.relata.metadata.condition.Expression;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldKind;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.definition.PicklistValue;
import io.relata.metadata.definition.Pipeline;
import io.relata.metadata.definition.SystemFields;
import io.relata.metadata.type.FieldTypes;
import io.relata.metadata.type.QueryTest;
import io.relata.ui.format.Pickers;
import io.relata.ui.screen.Labels;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A filter built by pointing: conditions of a field, a test and a value, matched all (AND) or any
 * (OR), with groups of their own inside. It writes the one condition language, into the list's text
 * box, where those who prefer can type it; the platform checks it the same way either way. A filter
 * typed in a shape the builder cannot show (arithmetic, functions) is kept in the text box and the
 * builder starts empty.
 */
public final class FilterBuilder extends Dialog {

  private static final Expression.Where AT = Expression.Where.at(0);

  private final ObjectDefinition object;
  private final Locale locale;
  private final Group root;

  /**
   * @param object the object as the user sees it (no hidden field)
   * @param apply told of the condition's text when the user applies it (empty for none)
   */
  public FilterBuilder(
      ObjectDefinition object, Locale locale, String current, Consumer<String> apply) {
    this.object = object;
    this.locale = locale;
    setId("filter-builder");
    setHeaderTitle(getTranslation("filter.title"));
    setWidth("min(52rem, 100vw)");
    root = new Group(true);
    root.setId("filter-builder-root");
    add(root);
    boolean shown = !current.isBlank() && load(current);
    if (!current.isBlank() && !shown) {
      Span note = new Span(getTranslation("filter.not-shown"));
      note.addClassName("relata-muted");
      addComponentAsFirst(note);
    }
    if (root.conditions.getComponentCount() == 0) {
      root.addRow();
    }
    Button clear =
        new Button(
            getTranslation("filter.clear"),
            e -> {
              apply.accept("");
              close();
            });
    clear.setId("filter-builder-clear");
    Button done =
        new Button(
            getTranslation("filter.apply"),
            e -> {
              apply.accept(root.expression().map(ConditionPrinter::print).orElse(""));
              close();
            });
    done.setId("filter-builder-apply");
    done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    getFooter().add(clear, new Button(getTranslation("dialog.cancel"), e -> close()), done);
  }

  /**
   * The fields a condition may test: the object's own, then the platform's (owner, dates), those a
   * query can test, all the user's to see.
   */
  private List<FieldDefinition> fields() {
    List<FieldDefinition> fields = new ArrayList<>(object.fields());
    SystemFields.of(object).stream()
        .filter(f -> !List.of("id", "version", "deleted_at").contains(f.name()))
        .filter(f -> object.field(f.name()).isEmpty())
        .forEach(fields::add);
    return fields.stream().filter(f -> !FieldTypes.of(f.type()).queryTests().isEmpty()).toList();
  }

  /** Shows {@code text} as rows, when it is conditions joined by and/or; false otherwise. */
  private boolean load(String text) {
    Expression expression;
    try {
      expression = ConditionParser.parse(text);
    } catch (ConditionException e) {
      return false;
    }
    return root.load(expression, true);
  }

  /** Conditions matched all or any, a row each, and (at the top) groups of their own. */
  private final class Group extends Div {
    private final Select<Boolean> all = new Select<>();
    private final Div conditions = new Div();
    private final boolean top;

    Group(boolean top) {
      this.top = top;
      addClassName(top ? "relata-filter-root" : "relata-filter-group");
      all.setItems(true, false);
      all.setItemLabelGenerator(a -> getTranslation(a ? "filter.match.all" : "filter.match.any"));
      all.setValue(true);
      all.getElement().setAttribute("data-role", "match");
      if (top) {
        all.setId("filter-builder-match");
      }
      Button add = new Button(getTranslation("filter.add"), VaadinIcon.PLUS.create());
      add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
      add.addClickListener(e -> addRow());
      add.getElement().setAttribute("data-role", "add");
      HorizontalLayout tools = new HorizontalLayout(all, add);
      tools.setAlignItems(HorizontalLayout.Alignment.BASELINE);
      if (top) {
        add.setId("filter-builder-add");
        Button group = new Button(getTranslation("filter.add-group"), VaadinIcon.PLUS.create());
        group.setId("filter-builder-add-group");
        group.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        group.addClickListener(e -> addGroup());
        tools.add(group);
      } else {
        Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> removeFromParent());
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        remove.setAriaLabel(getTranslation("filter.remove"));
        tools.add(remove);
      }
      conditions.addClassName("relata-filter-conditions");
      add(tools, conditions);
    }

    Row addRow() {
      Row row = new Row();
      conditions.add(row);
      return row;
    }

    Group addGroup() {
      Group group = new Group(false);
      group.addRow();
      conditions.add(group);
      return group;
    }

    /** The group's condition: its parts joined; empty when no part is complete. */
    Optional<Expression> expression() {
      List<Expression> parts = new ArrayList<>();
      conditions
          .getChildren()
          .forEach(
              child -> {
                if (child instanceof Row row) {
                  row.expression().ifPresent(parts::add);
                } else if (child instanceof Group group) {
                  group.expression().ifPresent(parts::add);
                }
              });
      String join = all.getValue() ? "and" : "or";
      return parts.stream().reduce((a, b) -> new Expression.Binary(join, a, b, AT));
    }

    /** Rows (and, at the top, groups) for {@code e}; false when a part is not a simple test. */
    boolean load(Expression e, boolean first) {
      if (e instanceof Expression.Binary b
          && (b.operator().equals("and") || b.operator().equals("or"))) {
        boolean and = b.operator().equals("and");
        if (first) {
          all.setValue(and);
        }
        if (and == all.getValue()) {
          return load(b.left(), false) && load(b.right(), false);
        }
        if (!top) {
          return false;
        }
        Group group = new Group(false);
        group.all.setValue(and);
        conditions.add(group);
        return group.load(b.left(), false) && group.load(b.right(), false);
      }
      return addRow().load(e);
    }
  }

  /** One condition: a field, a test, a value. */
  private final class Row extends HorizontalLayout {
    private final Select<FieldDefinition> field = new Select<>();
    private final Select<String> test = new Select<>();
    private final Div value = new Div();
    private HasValue<?, ?> input;

    Row() {
      addClassName("relata-filter-row");
      setAlignItems(Alignment.BASELINE);
      getElement().setAttribute("data-row", "");
      field.setItems(fields());
      field.setItemLabelGenerator(Labels::field);
      field.setPlaceholder(getTranslation("filter.field"));
      field.getElement().setAttribute("data-role", "field");
      field.addValueChangeListener(e -> fieldChosen());
      test.getElement().setAttribute("data-role", "test");
      test.setItemLabelGenerator(t -> getTranslation("filter.test." + t.replace(' ', '-')));
      test.addValueChangeListener(e -> valueEditor());
      value.addClassName("relata-filter-value");
      Button remove = new Button(VaadinIcon.TRASH.create(), e -> removeFromParent());
      remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
      remove.setAriaLabel(getTranslation("filter.remove"));
      add(field, test, value, remove);
      setFlexGrow(1, value);
    }

    private void fieldChosen() {
      List<String> tests = new ArrayList<>();
      if (field.getValue() != null) {
        // "is" first: what most filters say
        for (QueryTest queryTest :
            FieldTypes.of(field.getValue().type()).queryTests().stream().sorted().toList()) {
          tests.addAll(
              switch (queryTest) {
                case EQUALS -> List.of("=", "!=");
                case ORDERS -> List.of("<", "<=", ">", ">=");
                case MATCHES -> List.of("contains", "starts with");
                case HOLDS -> List.of("contains");
                case EMPTY -> List.of("is null", "is not null");
              });
        }
      }
      test.setItems(tests.stream().distinct().toList());
      if (!tests.isEmpty()) {
        test.setValue(tests.get(0));
      }
      valueEditor();
    }

    /** The value's editor, as the field's type and the test want it. */
    private void valueEditor() {
      value.removeAll();
      input = null;
      FieldDefinition chosen = field.getValue();
      String t = test.getValue();
      if (chosen == null || t == null || t.startsWith("is ")) {
        return;
      }
      Component editor = editor(chosen);
      editor.getElement().setAttribute("data-role", "value");
      input = (HasValue<?, ?>) editor;
      value.add(editor);
    }

    private Component editor(FieldDefinition chosen) {
      List<String[]> options = options(chosen);
      if (!options.isEmpty()) {
        Select<String[]> select = new Select<>();
        select.setItems(options);
        select.setItemLabelGenerator(o -> o[1]);
        return select;
      }
      return switch (chosen.type().kind()) {
        case NUMBER, CURRENCY, PERCENT, ROLL_UP, AUTO_NUMBER -> new BigDecimalField();
        case DATE, DATETIME -> {
          DatePicker date = new DatePicker();
          date.setLocale(locale);
          date.setI18n(Pickers.dates(locale, date::getTranslation));
          yield date;
        }
        default -> new TextField();
      };
    }

    /** The values a picklist, stage or yes/no field offers: name and label. */
    private List<String[]> options(FieldDefinition chosen) {
      List<String[]> options = new ArrayList<>();
      FieldType type = chosen.type();
      List<PicklistValue> values =
          type instanceof FieldType.Picklist p
              ? p.values()
              : type instanceof FieldType.MultiPicklist m ? m.values() : List.of();
      values.forEach(v -> options.add(new String[] {v.name(), Labels.value(v)}));
      if (type instanceof FieldType.Stage) {
        for (Pipeline.Stage stage : object.pipeline().map(Pipeline::stages).orElse(List.of())) {
          options.add(new String[] {stage.name(), Labels.stage(stage)});
        }
      }
      if (type.kind() == FieldKind.BOOLEAN) {
        options.add(new String[] {"true", getTranslation("filter.yes")});
        options.add(new String[] {"false", getTranslation("filter.no")});
      }
      return options;
    }

    /** The row's test, when its field, test and (where one is needed) value are given. */
    Optional<Expression> expression() {
      FieldDefinition chosen = field.getValue();
      String t = test.getValue();
      if (chosen == null || t == null) {
        return Optional.empty();
      }
      Expression.Field column = new Expression.Field(chosen.name(), AT);
      if (t.startsWith("is ")) {
        return Optional.of(new Expression.IsNull(column, t.equals("is not null"), AT));
      }
      Object given = input == null ? null : input.getValue();
      if (given == null || (given instanceof String s && s.isBlank())) {
        return Optional.empty();
      }
      Object literal =
          given instanceof String[] option
              ? (chosen.type().kind() == FieldKind.BOOLEAN ? Boolean.valueOf(option[0]) : option[0])
              : given;
      return Optional.of(new Expression.Binary(t, column, new Expression.Literal(literal, AT), AT));
    }

    /** Shows {@code e} when it is a field tested against a value or for emptiness. */
    @SuppressWarnings("unchecked")
    boolean load(Expression e) {
      if (e instanceof Expression.IsNull isNull && isNull.operand() instanceof Expression.Field f) {
        if (!choose(f.name())) {
          return false;
        }
        test.setValue(isNull.negated() ? "is not null" : "is null");
        return true;
      }
      if (!(e instanceof Expression.Binary b
          && b.left() instanceof Expression.Field f
          && b.right() instanceof Expression.Literal literal
          && choose(f.name()))) {
        return false;
      }
      if (!test.getListDataView().getItems().toList().contains(b.operator())) {
        return false;
      }
      test.setValue(b.operator());
      Object given = literal.value();
      if (input instanceof Select<?> select) {
        Optional<String[]> option =
            ((Select<String[]>) select)
                .getListDataView()
                .getItems()
                .filter(o -> o[0].equals(String.valueOf(given)))
                .findFirst();
        option.ifPresent(((Select<String[]>) select)::setValue);
        return option.isPresent();
      }
      if (input instanceof BigDecimalField number && given instanceof BigDecimal decimal) {
        number.setValue(decimal);
        return true;
      }
      if (input instanceof DatePicker date && given instanceof LocalDate day) {
        date.setValue(day);
        return true;
      }
      if (input instanceof TextField text && given instanceof String s) {
        text.setValue(s);
        return true;
      }
      return false;
    }

    private boolean choose(String name) {
      Optional<FieldDefinition> found =
          field.getListDataView().getItems().filter(f -> f.name().equals(name)).findFirst();
      found.ifPresent(field::setValue);
      return found.isPresent();
    }
  }
}
