package io.relata.metadata.type;

/** The kinds of test a query may apply to a field, as the condition language spells them. */
public enum QueryTest {
  /** {@code = != in not in}. */
  EQUALS("="),
  /** {@code < <= > >= between}. */
  ORDERS("<"),
  /** {@code contains} and {@code starts with} on text. */
  MATCHES("contains"),
  /** {@code contains} and {@code in} on a multi-picklist. */
  HOLDS("in"),
  /** {@code is null}, {@code is not null}. */
  EMPTY("is null");

  private final String spelling;

  QueryTest(String spelling) {
    this.spelling = spelling;
  }

  /** How the condition language writes it (one operator for the family). */
  public String spelling() {
    return spelling;
  }
}
