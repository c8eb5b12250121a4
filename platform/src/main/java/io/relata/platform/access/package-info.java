/**
 * Who may do what: the one access evaluator (ARCHITECTURE.md, "Security model"). {@link
 * io.relata.platform.access.AccessEvaluator} turns what a user holds ({@link
 * io.relata.platform.access.Subject}) and the authorization model of the current metadata revision
 * into an {@link io.relata.platform.access.ObjectAccess} per object: object rights, a field mask,
 * and record predicates in SQL that every query of the object joins. Depends on {@code metadata},
 * {@code query} and {@code schema}; never on {@code record}, which depends on it.
 */
package io.relata.platform.access;
