package io.relata.platform.schema;

import io.relata.metadata.definition.FieldType;
import java.util.Optional;

/** The PostgreSQL column type of each field type; formulas have none (computed on read). */
final class ColumnTypes {

  private ColumnTypes() {}

  static Optional<String> of(FieldType type) {
    return Optional.ofNullable(
        switch (type.kind()) {
          case TEXT -> "varchar(" + ((FieldType.Text) type).maxLength() + ")";
          case LONG_TEXT, RICH_TEXT, PICKLIST, AUTO_NUMBER -> "text";
          case NUMBER ->
              numeric(((FieldType.Number) type).precision(), ((FieldType.Number) type).scale());
          case CURRENCY ->
              numeric(((FieldType.Currency) type).precision(), ((FieldType.Currency) type).scale());
          case PERCENT ->
              numeric(((FieldType.Percent) type).precision(), ((FieldType.Percent) type).scale());
          case BOOLEAN -> "boolean";
          case DATE -> "date";
          case DATETIME -> "timestamptz";
          case EMAIL -> "varchar(254)";
          case PHONE -> "varchar(40)";
          case URL -> "varchar(2048)";
          case MULTI_PICKLIST -> "text[]";
          case LOOKUP, MASTER_DETAIL, USER -> "uuid";
          case ROLL_UP -> "numeric";
          case STAGE -> "text";
          case JSON -> "jsonb";
          case FORMULA -> null;
        });
  }

  private static String numeric(int precision, int scale) {
    return "numeric(" + precision + "," + scale + ")";
  }
}
