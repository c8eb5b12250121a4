package io.relata.metadata.kind;

import io.relata.metadata.model.ModelCompiler;

/**
 * How the documents of a kind are checked and compiled into the model: each kind in the registry
 * has one, and the registry runs them in its order, each on the model the steps before it made.
 * Kinds whose documents refer to one another (roles, permission sets and sharing rules) share one
 * step, which runs once. A kind added later (automation, apps) brings its step and compiles against
 * the objects and the access model before it, without a change to the compiler's callers.
 */
@FunctionalInterface
public interface CompileStep {

  /**
   * The model {@code before} (null for the first step) with this step's documents of {@code
   * documents} compiled into it, or the problems that stop it, keyed as the API reports them.
   */
  ModelCompiler.Result apply(long revision, ModelCompiler.Result before, Documents documents);

  /** Objects: meta-schema, object rules, model rules; the start of every model. */
  CompileStep OBJECTS =
      (revision, before, documents) -> ModelCompiler.compile(revision, documents.objects());

  /**
   * The authorization model, against the objects: roles, permission sets, sharing rules at once.
   */
  CompileStep ACCESS = (revision, before, documents) -> before.withAccess(documents.access());

  /** Apps and dashboards, against the objects and roles they name. */
  CompileStep PRESENTATION =
      (revision, before, documents) ->
          before.withPresentation(
              documents.of(DocumentKinds.APPS), documents.of(DocumentKinds.DASHBOARDS));

  /**
   * Assignment rules, calendars, email templates and webhooks, and the automations, scoring models
   * and service-level policies that may name them, against the objects they name.
   */
  CompileStep AUTOMATIONS =
      (revision, before, documents) ->
          before.withAutomations(
              documents.of(DocumentKinds.AUTOMATIONS),
              new io.relata.metadata.automation.AutomationCompiler.Others(
                  documents.of(DocumentKinds.ASSIGNMENT_RULES),
                  documents.of(DocumentKinds.SCORING_MODELS),
                  documents.of(DocumentKinds.CALENDARS),
                  documents.of(DocumentKinds.SLA_POLICIES),
                  documents.of(DocumentKinds.EMAIL_TEMPLATES),
                  documents.of(DocumentKinds.WEBHOOKS),
                  documents.of(DocumentKinds.APPROVAL_PROCESSES)));
}
