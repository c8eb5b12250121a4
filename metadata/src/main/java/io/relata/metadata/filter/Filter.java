package io.relata.metadata.filter;

import java.util.List;

/** A filter as written, in either form: fields by name, values untyped. */
public sealed interface Filter {

  record And(List<Filter> parts) implements Filter {
    public And {
      parts = List.copyOf(parts);
    }
  }

  record Or(List<Filter> parts) implements Filter {
    public Or {
      parts = List.copyOf(parts);
    }
  }

  record Not(Filter part) implements Filter {}

  /**
   * One condition on one field.
   *
   * @param at where the condition was written: a character offset in the text form, a JSON pointer
   *     in the JSON form; problems point there
   */
  record Condition(String field, Operator operator, List<Literal> values, String at)
      implements Filter {
    public Condition {
      values = List.copyOf(values);
    }
  }
}
