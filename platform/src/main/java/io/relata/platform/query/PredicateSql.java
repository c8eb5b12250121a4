package io.relata.platform.query;

import static io.relata.platform.schema.Identifiers.quote;

import io.relata.metadata.definition.FieldKind;
import io.relata.metadata.filter.Operator;
import io.relata.metadata.filter.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Compiles a resolved filter into a {@code WHERE} condition. Field names become quoted identifiers
 * (they come from metadata, through the resolver); every value is a bind parameter. {@code
 * contains} and {@code starts with} match case-insensitively, with {@code %}, {@code _} and the
 * escape character in the value matched literally.
 */
public final class PredicateSql {

  private PredicateSql() {}

  public static Sql compile(Predicate predicate) {
    if (predicate instanceof Predicate.And and) {
      return join(and.parts(), " AND ", "TRUE");
    }
    if (predicate instanceof Predicate.Or or) {
      return join(or.parts(), " OR ", "FALSE");
    }
    if (predicate instanceof Predicate.Not not) {
      Sql inner = compile(not.part());
      return new Sql("NOT (" + inner.text() + ")", inner.binds());
    }
    if (predicate instanceof Predicate.Null isNull) {
      return Sql.of(
          quote(isNull.field().name()) + (isNull.negated() ? " IS NOT NULL" : " IS NULL"));
    }
    if (predicate instanceof Predicate.Holds holds) {
      return Sql.of(quote(holds.field().name()) + " @> ARRAY[?]::text[]", holds.value());
    }
    if (predicate instanceof Predicate.Among among) {
      return among(among);
    }
    return compare((Predicate.Compare) predicate);
  }

  private static Sql join(List<Predicate> parts, String separator, String empty) {
    if (parts.isEmpty()) {
      return Sql.of(empty);
    }
    List<Object> binds = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (Predicate part : parts) {
      Sql sql = compile(part);
      texts.add("(" + sql.text() + ")");
      binds.addAll(sql.binds());
    }
    return new Sql(String.join(separator, texts), binds);
  }

  private static Sql among(Predicate.Among among) {
    String column = quote(among.field().name());
    String marks = among.values().stream().map(v -> "?").collect(Collectors.joining(", "));
    if (among.field().type().kind() == FieldKind.MULTI_PICKLIST) {
      String overlap = column + " && ARRAY[" + marks + "]::text[]";
      return new Sql(among.negated() ? "NOT (" + overlap + ")" : overlap, among.values());
    }
    return new Sql(
        column + (among.negated() ? " NOT IN (" : " IN (") + marks + ")", among.values());
  }

  private static Sql compare(Predicate.Compare compare) {
    String column = quote(compare.field().name());
    Operator op = compare.operator();
    return switch (op) {
      case CONTAINS -> Sql.of(column + " ILIKE ? ESCAPE '\\'", "%" + escape(compare.value()) + "%");
      case STARTS_WITH -> Sql.of(column + " ILIKE ? ESCAPE '\\'", escape(compare.value()) + "%");
      case EQ, NE, LT, LE, GT, GE -> Sql.of(column + " " + op.spelling() + " ?", compare.value());
      default -> throw new IllegalArgumentException("not a comparison: " + op);
    };
  }

  private static String escape(Object value) {
    return ((String) value).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
