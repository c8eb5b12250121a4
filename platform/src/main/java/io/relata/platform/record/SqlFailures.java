package io.relata.platform.record;

import io.relata.metadata.definition.FieldDefinition;
import io.relata.platform.rest.ConflictException;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.rest.ProblemException;
import io.relata.platform.rest.ProblemException.Violation;
import io.relata.platform.schema.Identifiers;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns the database's refusals of a record write into problems the client can act on: a unique
 * value taken (409, at the field), a reference to nothing (400), a record still referred to (409),
 * a deadlock or serialisation failure, or a column a metadata change took from under the statement
 * (409, retry). The SQL text never reaches the client; anything else stays a server error with an
 * incident id.
 */
final class SqlFailures {

  private SqlFailures() {}

  static RuntimeException translate(SQLException e, CompiledObject object) {
    String state = Optional.ofNullable(e.getSQLState()).orElse("");
    Optional<String> constraint = constraint(e);
    switch (state) {
      case "23505":
        return new ConflictException(
            "problem.duplicate",
            List.of(
                new Violation(
                    field(object, constraint, "key").map(f -> "/" + f).orElse(""),
                    "record.duplicate",
                    List.of())),
            Map.of());
      case "23503":
        return constraint
            .flatMap(c -> field(object, Optional.of(c), "fkey"))
            .<RuntimeException>map(
                f ->
                    new InvalidRequestException(
                        List.of(new Violation("/" + f, "record.reference-missing", List.of()))))
            .orElseGet(() -> new ConflictException("problem.referenced", List.of(), Map.of()));
      case "40001":
      case "40P01":
      // an undefined column or table: a metadata change renamed or set it aside while the
      // statement, made from the model before, waited for the change's lock
      case "42703":
      case "42P01":
        return new ConflictException("problem.retry", List.of(), Map.of());
      default:
        return new IllegalStateException("record write failed", e);
    }
  }

  /** The field whose derived constraint (or index) name is {@code constraint}. */
  private static Optional<String> field(
      CompiledObject object, Optional<String> constraint, String suffix) {
    if (constraint.isEmpty()) {
      return Optional.empty();
    }
    return object.definition().fields().stream()
        .map(FieldDefinition::name)
        .filter(f -> Identifiers.derived(object.name(), f, suffix).equals(constraint.get()))
        .findFirst();
  }

  private static Optional<String> constraint(SQLException e) {
    if (e instanceof PSQLException psql) {
      ServerErrorMessage message = psql.getServerErrorMessage();
      if (message != null) {
        return Optional.ofNullable(message.getConstraint());
      }
    }
    return Optional.empty();
  }

  /** Rethrows problems as they are; wraps anything else. */
  static RuntimeException unchecked(Exception e, CompiledObject object) {
    if (e instanceof ProblemException problem) {
      return problem;
    }
    if (e instanceof SQLException sql) {
      return translate(sql, object);
    }
    return e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
  }

  /**
   * What refused one record of a batch (an import's row, a bulk operation's record): its problem,
   * or the database's translated. A failure that is no refusal of the record (the connection lost,
   * say) is thrown again and ends the batch.
   */
  static ProblemException refusal(Exception refused, CompiledObject object) throws SQLException {
    if (refused instanceof ProblemException problem) {
      return problem;
    }
    SQLException failure = (SQLException) refused;
    if (translate(failure, object) instanceof ProblemException problem) {
      return problem;
    }
    throw failure;
  }
}
