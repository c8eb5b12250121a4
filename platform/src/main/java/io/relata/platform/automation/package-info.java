/**
 * Runs the automations the metadata defines ({@code metadata.automation}) as hooks of the one write
 * pipeline and as jobs: {@link BeforeSaveAutomations} sets a record's own fields while it is saved,
 * {@link AfterSaveAutomations} runs {@link Actions} once it is stored, {@link DateTriggers}, {@link
 * Scores} and {@link ServiceLevels} schedule the jobs that run them later, and {@link Replanning}
 * plans them again when the metadata they follow changes.
 */
package io.relata.platform.automation;
