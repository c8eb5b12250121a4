package io.relata.metadata.type;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.relata.metadata.problem.Problem;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Decides whether a field's {@code pattern} is safe to run on every write, in any engine. Relata
 * runs patterns with RE2 (linear time), but the same pattern also reaches the record JSON Schema
 * that clients run with backtracking engines (java.util.regex, JavaScript). So a pattern must
 * compile under RE2 (no back-references, no look-around) and must not nest unbounded quantifiers —
 * {@code (a+)+}, {@code (x*)*}, {@code (\w+\s?)*} — the shape behind catastrophic backtracking.
 */
final class PatternSafety {

  private PatternSafety() {}

  /** Why {@code pattern} is refused, as a message code and argument; empty when it is safe. */
  static Optional<Problem> check(String pointer, String pattern) {
    try {
      Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      return Optional.of(Problem.at(pointer, "field.pattern-invalid", e.getDescription()));
    }
    return nestsUnboundedQuantifiers(pattern)
        ? Optional.of(Problem.at(pointer, "field.pattern-backtracks"))
        : Optional.empty();
  }

  /**
   * Scans the pattern once, tracking for each open group whether it holds an unbounded quantifier;
   * a group that does, quantified without bound itself, is nested.
   */
  static boolean nestsUnboundedQuantifiers(String pattern) {
    Deque<boolean[]> groups = new ArrayDeque<>();
    groups.push(new boolean[1]);
    boolean lastGroupUnbounded = false; // the group just closed holds an unbounded quantifier
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      boolean closedGroup = false;
      if (c == '\\') {
        i += 2;
      } else if (c == '[') {
        i = endOfClass(pattern, i);
      } else if (c == '(') {
        groups.push(new boolean[1]);
        i++;
      } else if (c == ')') {
        lastGroupUnbounded = groups.size() > 1 && groups.pop()[0];
        closedGroup = true;
        i++;
      } else {
        i++;
      }
      int after = i;
      if (after < pattern.length() && unboundedQuantifierAt(pattern, after)) {
        if (closedGroup && lastGroupUnbounded) {
          return true;
        }
        groups.peek()[0] = true;
      } else if (closedGroup && lastGroupUnbounded) {
        groups.peek()[0] = true; // (a+) inside a bigger group still counts there
      }
    }
    return false;
  }

  private static boolean unboundedQuantifierAt(String pattern, int i) {
    char q = pattern.charAt(i);
    if (q == '*' || q == '+') {
      return true;
    }
    if (q == '{') {
      int close = pattern.indexOf('}', i);
      return close > i && pattern.substring(i + 1, close).matches("\\d*,");
    }
    return false;
  }

  private static int endOfClass(String pattern, int open) {
    int i = open + 1;
    if (i < pattern.length() && pattern.charAt(i) == '^') {
      i++;
    }
    if (i < pattern.length() && pattern.charAt(i) == ']') {
      i++; // a ] right after [ or [^ is literal
    }
    while (i < pattern.length() && pattern.charAt(i) != ']') {
      i += pattern.charAt(i) == '\\' ? 2 : 1;
    }
    return i + 1;
  }
}
