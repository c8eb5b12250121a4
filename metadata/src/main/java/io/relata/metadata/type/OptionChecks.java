package io.relata.metadata.type;

import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.definition.PicklistValue;
import io.relata.metadata.definition.RollUpFunction;
import io.relata.metadata.problem.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The checks of the built-in types' options, each at the JSON pointer of the option. */
final class OptionChecks {

  private OptionChecks() {}

  /** A text field's pattern compiles and cannot backtrack catastrophically. */
  static List<Problem> text(String at, FieldType type, ObjectDefinition object) {
    return ((FieldType.Text) type)
        .pattern()
        .flatMap(p -> PatternSafety.check(at + "/pattern", p))
        .map(List::of)
        .orElse(List.of());
  }

  /** A decimal's scale fits its precision and its minimum is not above its maximum. */
  static List<Problem> decimal(String at, FieldType type, ObjectDefinition object) {
    FieldType.Decimal d = (FieldType.Decimal) type;
    List<Problem> problems = new ArrayList<>();
    if (d.scale() > d.precision()) {
      problems.add(
          Problem.at(at + "/scale", "field.scale-exceeds-precision", d.scale(), d.precision()));
    }
    if (d.min().isPresent() && d.max().isPresent() && d.min().get().compareTo(d.max().get()) > 0) {
      problems.add(Problem.at(at + "/min", "field.min-exceeds-max", d.min().get(), d.max().get()));
    }
    return problems;
  }

  /** A decimal's checks, and one currency for the field (a known code) or one per record. */
  static List<Problem> currency(String at, FieldType type, ObjectDefinition object) {
    List<Problem> problems = new ArrayList<>(decimal(at, type, object));
    FieldType.Currency c = (FieldType.Currency) type;
    if (c.currency().isPresent() == c.perRecord()) {
      problems.add(Problem.at(at + "/currency", "field.currency-or-per-record"));
    }
    c.currency()
        .filter(code -> !knownCurrency(code))
        .ifPresent(
            code -> problems.add(Problem.at(at + "/currency", "field.unknown-currency", code)));
    return problems;
  }

  /** Each value of a picklist once. */
  static List<Problem> values(String at, List<PicklistValue> values) {
    List<Problem> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int j = 0; j < values.size(); j++) {
      if (!seen.add(values.get(j).name())) {
        problems.add(
            Problem.at(
                at + "/values/" + j + "/name", "field.duplicate-value", values.get(j).name()));
      }
    }
    return problems;
  }

  /** A master-detail's master is another object. */
  static List<Problem> master(String at, FieldType type, ObjectDefinition object) {
    return ((FieldType.MasterDetail) type).target().equals(object.name())
        ? List.of(Problem.at(at + "/target", "field.master-detail-self"))
        : List.of();
  }

  /** A roll-up other than count names the field it rolls up. */
  static List<Problem> rollUp(String at, FieldType type, ObjectDefinition object) {
    FieldType.RollUp r = (FieldType.RollUp) type;
    return r.function() != RollUpFunction.COUNT && r.field().isEmpty()
        ? List.of(Problem.at(at + "/field", "field.roll-up-field-required", r.function()))
        : List.of();
  }

  private static boolean knownCurrency(String code) {
    try {
      java.util.Currency.getInstance(code);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
