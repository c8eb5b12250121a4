package io.relata.metadata.schema;

import com.networknt.schema.ValidationMessage;
import io.relata.metadata.problem.Problem;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * networknt's findings as {@link Problem}s: the code is {@code schema.<keyword>}; for keywords
 * about a property (a missing or a forbidden one) the pointer goes to that property.
 */
final class SchemaProblems {

  private static final List<String> ABOUT_A_PROPERTY =
      List.of("required", "additionalProperties", "unevaluatedProperties");

  private SchemaProblems() {}

  /** Distinct problems, ordered by pointer and code; {@code if} findings are dropped. */
  static List<Problem> of(Collection<ValidationMessage> messages) {
    return messages.stream()
        .filter(message -> !"if".equals(message.getType()))
        .map(SchemaProblems::of)
        .distinct()
        .sorted(Comparator.comparing(Problem::pointer).thenComparing(Problem::code))
        .toList();
  }

  private static Problem of(ValidationMessage message) {
    String pointer = message.getInstanceLocation().toString();
    if (message.getProperty() != null && ABOUT_A_PROPERTY.contains(message.getType())) {
      pointer = pointer + "/" + escape(message.getProperty());
    }
    List<String> args =
        message.getArguments() == null
            ? List.of()
            : Arrays.stream(message.getArguments()).map(String::valueOf).toList();
    return new Problem(pointer, "schema." + message.getType(), args);
  }

  /** RFC 6901: {@code ~} and {@code /} in a property name. */
  private static String escape(String property) {
    return property.replace("~", "~0").replace("/", "~1");
  }
}
