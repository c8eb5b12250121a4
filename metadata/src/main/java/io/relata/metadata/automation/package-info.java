/**
 * Automations as metadata: what happens, without code, when a record is written or one of its dates
 * comes ({@link Automation}: a trigger, a condition in the one condition language, actions in
 * order), checked against the objects they name and compiled ({@link AutomationCompiler}) into the
 * model's {@link Automations}. The platform runs them; this package decides only what they say.
 */
package io.relata.metadata.automation;
