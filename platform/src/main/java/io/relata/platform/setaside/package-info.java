/**
 * Deleted fields and objects kept for 15 days, as Salesforce keeps deleted fields: a change that
 * deletes a field renames its column aside, one that deletes an object leaves its table where it is
 * (both planned by {@code schema.SchemaPlanner}). {@link
 * io.relata.platform.setaside.SetAsideRegister} registers them in the change; a revert or {@link
 * io.relata.platform.setaside.SetAsideResource}'s restore brings them back with their values;
 * {@link io.relata.platform.setaside.SetAsidePurge} erases them when their days are over, or when
 * an admin erases one.
 *
 * <p>Depends on {@code schema} (the register, {@code SetAsides}), {@code metadata} (the change
 * hook, the change API) and {@code audit}; nothing depends on it.
 */
package io.relata.platform.setaside;
