package io.relata.metadata.automation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The automations and the kinds that compile with them (assignment rules, scoring models,
 * calendars, service-level policies, email templates, webhooks) of one revision, with their
 * documents as written. Immutable; the platform asks it which automations a write or a date
 * triggers.
 */
public final class Automations {

  public static final Automations EMPTY =
      new Automations(
          List.of(),
          List.of(),
          new Others(
              List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
              List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of()));

  /** The kinds beside automations that compile with them, each with its documents as written. */
  public record Others(
      List<AssignmentRules> assignments,
      List<JsonNode> assignmentDocuments,
      List<ScoringModel> scoring,
      List<JsonNode> scoringDocuments,
      List<BusinessCalendar> calendars,
      List<JsonNode> calendarDocuments,
      List<SlaPolicy> policies,
      List<JsonNode> policyDocuments,
      List<EmailTemplate> templates,
      List<JsonNode> templateDocuments,
      List<Webhook> webhooks,
      List<JsonNode> webhookDocuments,
      List<ApprovalProcess> approvals,
      List<JsonNode> approvalDocuments) {}

  private final List<Automation> automations;
  private final List<JsonNode> documents;
  private final Map<String, AssignmentRules> assignments;
  private final List<JsonNode> assignmentDocuments;
  private final List<ScoringModel> scoring;
  private final List<JsonNode> scoringDocuments;
  private final Map<String, BusinessCalendar> calendars;
  private final List<JsonNode> calendarDocuments;
  private final List<SlaPolicy> policies;
  private final List<JsonNode> policyDocuments;
  private final Map<String, EmailTemplate> templates;
  private final List<JsonNode> templateDocuments;
  private final Map<String, Webhook> webhooks;
  private final List<JsonNode> webhookDocuments;
  private final List<ApprovalProcess> approvals;
  private final List<JsonNode> approvalDocuments;

  public Automations(List<Automation> automations, List<JsonNode> documents, Others others) {
    this.automations =
        automations.stream()
            .sorted(Comparator.comparingInt(Automation::order).thenComparing(Automation::name))
            .toList();
    this.documents = copies(documents);
    Map<String, AssignmentRules> byName = new LinkedHashMap<>();
    others.assignments().forEach(a -> byName.put(a.name(), a));
    this.assignments = Collections.unmodifiableMap(byName);
    this.assignmentDocuments = copies(others.assignmentDocuments());
    this.scoring = List.copyOf(others.scoring());
    this.scoringDocuments = copies(others.scoringDocuments());
    Map<String, BusinessCalendar> calendarsByName = new LinkedHashMap<>();
    others.calendars().forEach(c -> calendarsByName.put(c.name(), c));
    this.calendars = Collections.unmodifiableMap(calendarsByName);
    this.calendarDocuments = copies(others.calendarDocuments());
    this.policies = List.copyOf(others.policies());
    this.policyDocuments = copies(others.policyDocuments());
    Map<String, EmailTemplate> templatesByName = new LinkedHashMap<>();
    others.templates().forEach(t -> templatesByName.put(t.name(), t));
    this.templates = Collections.unmodifiableMap(templatesByName);
    this.templateDocuments = copies(others.templateDocuments());
    Map<String, Webhook> webhooksByName = new LinkedHashMap<>();
    others.webhooks().forEach(w -> webhooksByName.put(w.name(), w));
    this.webhooks = Collections.unmodifiableMap(webhooksByName);
    this.webhookDocuments = copies(others.webhookDocuments());
    this.approvals = List.copyOf(others.approvals());
    this.approvalDocuments = copies(others.approvalDocuments());
  }

  private static List<JsonNode> copies(List<JsonNode> documents) {
    return documents.stream().<JsonNode>map(JsonNode::deepCopy).toList();
  }

  /** Every automation, active or not, in the order they run. */
  public List<Automation> all() {
    return automations;
  }

  /** The active automations of {@code object} with a trigger of {@code type}, in order. */
  public <T extends Trigger> List<Automation> active(String object, Class<T> type) {
    return automations.stream()
        .filter(a -> a.active() && a.object().equals(object) && type.isInstance(a.trigger()))
        .toList();
  }

  public Optional<Automation> named(String name) {
    return automations.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  /** The automation documents as written, copies. */
  public List<JsonNode> documents() {
    return copies(documents);
  }

  /** The assignment rules {@code name}. */
  public Optional<AssignmentRules> assignment(String name) {
    return Optional.ofNullable(assignments.get(name));
  }

  /** The active scoring models that keep a score of {@code object}. */
  public List<ScoringModel> scoring(String object) {
    return scoring.stream().filter(m -> m.active() && m.object().equals(object)).toList();
  }

  /** Every scoring model, active or not. */
  public List<ScoringModel> scoring() {
    return scoring;
  }

  /** The business calendar {@code name}. */
  public Optional<BusinessCalendar> calendar(String name) {
    return Optional.ofNullable(calendars.get(name));
  }

  /** The active service-level policies of {@code object}. */
  public List<SlaPolicy> policies(String object) {
    return policies.stream().filter(p -> p.active() && p.object().equals(object)).toList();
  }

  /** The service-level policy {@code name}, active or not. */
  public Optional<SlaPolicy> policy(String name) {
    return policies.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** The calendar documents as written, copies. */
  public List<JsonNode> calendarDocuments() {
    return copies(calendarDocuments);
  }

  /** The service-level policy documents as written, copies. */
  public List<JsonNode> policyDocuments() {
    return copies(policyDocuments);
  }

  /** The scoring model documents as written, copies. */
  public List<JsonNode> scoringDocuments() {
    return copies(scoringDocuments);
  }

  /** The email template {@code name}. */
  public Optional<EmailTemplate> template(String name) {
    return Optional.ofNullable(templates.get(name));
  }

  /** The names of the webhooks, active or not. */
  public java.util.Set<String> webhookNames() {
    return webhooks.keySet();
  }

  /** The webhook {@code name}, active or not. */
  public Optional<Webhook> webhook(String name) {
    return Optional.ofNullable(webhooks.get(name));
  }

  /** The active approval process that guards entering {@code stage} of {@code object}. */
  public Optional<ApprovalProcess> approval(String object, String stage) {
    return approvals.stream()
        .filter(p -> p.active() && p.object().equals(object) && p.stage().equals(stage))
        .findFirst();
  }

  /** Every approval process, active or not. */
  public List<ApprovalProcess> approvals() {
    return approvals;
  }

  /** The approval process {@code name}, active or not. */
  public Optional<ApprovalProcess> approval(String name) {
    return approvals.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /**
   * Whether any approval process, active or not, is of {@code object}: its records may await
   * approval, and stay locked while they do, also once the process is switched off.
   */
  public boolean approves(String object) {
    return approvals.stream().anyMatch(p -> p.object().equals(object));
  }

  /** The approval process documents as written, copies. */
  public List<JsonNode> approvalDocuments() {
    return copies(approvalDocuments);
  }

  /** The email template documents as written, copies. */
  public List<JsonNode> templateDocuments() {
    return copies(templateDocuments);
  }

  /** The webhook documents as written, copies. */
  public List<JsonNode> webhookDocuments() {
    return copies(webhookDocuments);
  }

  /** The assignment rule documents as written, copies. */
  public List<JsonNode> assignmentDocuments() {
    return copies(assignmentDocuments);
  }
}
