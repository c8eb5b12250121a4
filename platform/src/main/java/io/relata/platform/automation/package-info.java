/**
 * Runs the automations the metadata defines ({@code metadata.automation}) as hooks of the one write
 * pipeline: {@link BeforeSaveAutomations} sets a record's own fields while it is saved. After-save
 * actions, date triggers, and the jobs they enqueue follow with the rest of the automation issue.
 */
package io.relata.platform.automation;
