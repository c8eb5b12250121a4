/**
 * The one condition language admins meet everywhere: list views, filters, sharing rules, validation
 * rules, formulas and (later) automation conditions. One grammar ({@link
 * io.relata.metadata.condition.ConditionParser}, and {@link
 * io.relata.metadata.condition.ConditionJson} for clients that build conditions), one typed tree
 * ({@link io.relata.metadata.condition.Typed}, from {@link
 * io.relata.metadata.condition.ConditionChecker}), and two back ends that give the same answers: in
 * memory ({@link io.relata.metadata.condition.ConditionEvaluator}) and SQL (the platform's {@code
 * ConditionSql}). No loops, no assignment, no access to anything but the record, the moment and the
 * acting user.
 */
package io.relata.metadata.condition;
