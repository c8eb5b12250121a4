/**
 * The safe expression language shared by formulas, validation rules and (later) automation
 * conditions: literals, field names, arithmetic, comparisons, {@code and}/{@code or}/{@code
 * not}/{@code implies} and a fixed set of functions — no loops, no assignment, no access to
 * anything but the record. {@link io.relata.metadata.expression.ExpressionParser} builds the tree
 * with bounded depth; {@link io.relata.metadata.expression.ExpressionChecker} types it against an
 * object's fields.
 */
package io.relata.metadata.expression;
