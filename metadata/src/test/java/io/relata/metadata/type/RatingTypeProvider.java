package io.relata.metadata.type;

import java.util.List;

/**
 * A field type only the tests install, as a plugin would: a rating from 1 to as many stars as the
 * field's options say (5 unless told), stored as a small number.
 */
public final class RatingTypeProvider implements FieldTypeProvider {

  @Override
  public List<FieldTypeSpec> types() {
    return List.of(
        Spec.of("test__rating")
            .editor("test__stars")
            .value(ValueType.NUMBER)
            .column("numeric(2,0)", ColumnType.Storage.DECIMAL)
            .tests(QueryTest.EQUALS, QueryTest.ORDERS, QueryTest.EMPTY)
            .sorts()
            .groups()
            .metrics("avg", "min", "max")
            .schema(
                (schema, type, object) ->
                    schema
                        .put("type", "integer")
                        .put("minimum", 1)
                        .put(
                            "maximum",
                            ((io.relata.metadata.definition.FieldType.Plugin) type)
                                .options()
                                .path("stars")
                                .asInt(5)))
            .cell(Cells::number));
  }
}
