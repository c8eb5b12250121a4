package io.relata.metadata.kind;

import io.relata.metadata.model.ModelCompiler;
import io.relata.metadata.schema.MetaSchema;
import java.util.List;
import java.util.Optional;

/**
 * The registry of document kinds, in the order they compile: objects before the access documents
 * that refer to them, and kinds that share a compile step next to each other.
 */
public final class DocumentKinds {

  public static final DocumentKind OBJECTS =
      new DocumentKind(
          "objects", MetaSchema.OBJECT, DocumentKind.Readers.DESCRIBED, true, CompileStep.OBJECTS);
  public static final DocumentKind ROLES =
      new DocumentKind(
          "roles", MetaSchema.ROLE, DocumentKind.Readers.MANAGERS, false, CompileStep.ACCESS);
  public static final DocumentKind PERMISSION_SETS =
      new DocumentKind(
          "permission-sets",
          MetaSchema.PERMISSION_SET,
          DocumentKind.Readers.MANAGERS,
          false,
          CompileStep.ACCESS);
  public static final DocumentKind SHARING_RULES =
      new DocumentKind(
          "sharing-rules",
          MetaSchema.SHARING_RULE,
          DocumentKind.Readers.MANAGERS,
          false,
          CompileStep.ACCESS);

  public static final DocumentKind APPS =
      new DocumentKind(
          "apps", MetaSchema.APP, DocumentKind.Readers.USERS, false, CompileStep.PRESENTATION);
  public static final DocumentKind DASHBOARDS =
      new DocumentKind(
          "dashboards",
          MetaSchema.DASHBOARD,
          DocumentKind.Readers.USERS,
          false,
          CompileStep.PRESENTATION);

  public static final DocumentKind AUTOMATIONS =
      new DocumentKind(
          "automations",
          MetaSchema.AUTOMATION,
          DocumentKind.Readers.MANAGERS,
          false,
          CompileStep.AUTOMATIONS);

  public static final DocumentKind ASSIGNMENT_RULES =
      new DocumentKind(
          "assignment-rules",
          MetaSchema.ASSIGNMENT_RULES,
          DocumentKind.Readers.MANAGERS,
          false,
          CompileStep.AUTOMATIONS);

  public static final DocumentKind SCORING_MODELS =
      new DocumentKind(
          "scoring-models",
          MetaSchema.SCORING_MODEL,
          DocumentKind.Readers.MANAGERS,
          false,
          CompileStep.AUTOMATIONS);

  public static final DocumentKind CALENDARS =
      new DocumentKind(
          "calendars",
          MetaSchema.CALENDAR,
          DocumentKind.Readers.MANAGERS,
          false,
          CompileStep.AUTOMATIONS);

  public static final DocumentKind SLA_POLICIES =
      new DocumentKind(
          "sla-policies",
          MetaSchema.SLA_POLICY,
          DocumentKind.Readers.MANAGERS,
          false,
          CompileStep.AUTOMATIONS);

  public static final DocumentKind EMAIL_TEMPLATES =
      new DocumentKind(
          "email-templates",
          MetaSchema.EMAIL_TEMPLATE,
          DocumentKind.Readers.MANAGERS,
          false,
          CompileStep.AUTOMATIONS);

  public static final DocumentKind WEBHOOKS =
      new DocumentKind(
          "webhooks",
          MetaSchema.WEBHOOK,
          DocumentKind.Readers.MANAGERS,
          false,
          CompileStep.AUTOMATIONS);

  public static final DocumentKind APPROVAL_PROCESSES =
      new DocumentKind(
          "approval-processes",
          MetaSchema.APPROVAL_PROCESS,
          DocumentKind.Readers.MANAGERS,
          false,
          CompileStep.AUTOMATIONS);

  private static final List<DocumentKind> ALL =
      List.of(
          OBJECTS,
          ROLES,
          PERMISSION_SETS,
          SHARING_RULES,
          APPS,
          DASHBOARDS,
          ASSIGNMENT_RULES,
          AUTOMATIONS,
          SCORING_MODELS,
          CALENDARS,
          SLA_POLICIES,
          EMAIL_TEMPLATES,
          WEBHOOKS,
          APPROVAL_PROCESSES);

  private DocumentKinds() {}

  /** Every kind, in compile order. */
  public static List<DocumentKind> all() {
    return ALL;
  }

  /** Compiles every kind's documents as revision {@code revision}, step by step in order. */
  public static ModelCompiler.Result compile(long revision, Documents documents) {
    return compileAfter(null, revision, null, documents);
  }

  /**
   * Compiles the kinds after {@code done} onto {@code compiled}, the model of the kinds up to it: a
   * change compiles its objects first, works out from the difference what the documents that refer
   * to them become (renamed fields followed), and then compiles the rest.
   *
   * @param done the last kind compiled, or null for none
   */
  public static ModelCompiler.Result compileAfter(
      DocumentKind done, long revision, ModelCompiler.Result compiled, Documents documents) {
    List<CompileStep> steps = ALL.stream().map(DocumentKind::step).distinct().toList();
    int next = done == null ? 0 : steps.indexOf(done.step()) + 1;
    if (next == 0 && done != null) {
      throw new IllegalArgumentException("not a registered kind: " + done.id());
    }
    ModelCompiler.Result result = compiled;
    for (CompileStep step : steps.subList(next, steps.size())) {
      result = step.apply(revision, result, documents);
      if (!result.ok()) {
        return result;
      }
    }
    return result;
  }

  /** The kind called {@code id} in a path. */
  public static Optional<DocumentKind> find(String id) {
    return ALL.stream().filter(k -> k.id().equals(id)).findFirst();
  }
}
