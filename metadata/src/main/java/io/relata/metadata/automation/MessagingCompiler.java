package io.relata.metadata.automation;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldKind;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.definition.SystemFields;
import io.relata.metadata.problem.Problem;
import io.relata.metadata.schema.MetaSchema;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks email templates and webhooks and the actions that send and call them, as part of the
 * {@link AutomationCompiler}'s run (whose problem list it shares). Problems are keyed {@code
 * email-templates/<name>} and {@code webhooks/<name>}: a template of an unknown object, a field in
 * braces its object lacks, a fallback language without a message, a URL without a host; and, in an
 * automation, a template of another object, a recipient field that holds no email address, a
 * webhook or field that does not exist.
 */
final class MessagingCompiler {

  private static final String TEMPLATES = "email-templates";
  private static final String WEBHOOKS = "webhooks";

  private final AutomationCompiler compiler;
  private final Map<String, EmailTemplate> templates = new LinkedHashMap<>();
  private final Map<String, Webhook> webhooks = new LinkedHashMap<>();

  MessagingCompiler(AutomationCompiler compiler) {
    this.compiler = compiler;
  }

  /** The templates compiled, in order. */
  List<EmailTemplate> templates(List<JsonNode> documents) {
    for (EmailTemplate template :
        compiler.each(
            TEMPLATES,
            documents,
            MetaSchema.EMAIL_TEMPLATE,
            "email.duplicate-name",
            this::template)) {
      templates.put(template.name(), template);
    }
    return List.copyOf(templates.values());
  }

  /** The webhooks compiled, in order. */
  List<Webhook> webhooks(List<JsonNode> documents) {
    for (Webhook webhook :
        compiler.each(
            WEBHOOKS, documents, MetaSchema.WEBHOOK, "webhook.duplicate-name", this::webhook)) {
      webhooks.put(webhook.name(), webhook);
    }
    return List.copyOf(webhooks.values());
  }

  private Optional<EmailTemplate> template(String key, JsonNode doc) {
    String objectName = doc.get("object").asText();
    Optional<ObjectDefinition> object = compiler.object(objectName);
    if (object.isEmpty()) {
      compiler.add(key, Problem.at("/object", "automation.unknown-object", objectName));
      return Optional.empty();
    }
    int before = compiler.count(key);
    Map<String, EmailTemplate.Message> messages = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.get("messages").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> language = it.next();
      String at = "/messages/" + language.getKey();
      String subject = language.getValue().get("subject").asText();
      String body = language.getValue().get("body").asText();
      fields(key, at + "/subject", subject, object.get());
      fields(key, at + "/body", body, object.get());
      messages.put(language.getKey(), new EmailTemplate.Message(subject, body));
    }
    String fallback = doc.path("fallback").asText("en");
    if (!messages.containsKey(fallback)) {
      compiler.add(key, Problem.at("/fallback", "email.no-fallback-message", fallback));
    }
    if (compiler.count(key) > before) {
      return Optional.empty();
    }
    return Optional.of(
        new EmailTemplate(
            doc.get("name").asText(), doc.get("label").asText(), objectName, messages, fallback));
  }

  /** Each field {@code text} names in braces must be one of {@code object}'s. */
  void fields(String key, String at, String text, ObjectDefinition object) {
    for (String field : MergeFields.names(text)) {
      if (SystemFields.field(object, field).isEmpty()) {
        compiler.add(key, Problem.at(at, "automation.unknown-field", field));
      }
    }
  }

  private Optional<Webhook> webhook(String key, JsonNode doc) {
    String url = doc.get("url").asText();
    try {
      URI uri = new URI(url);
      if (uri.getHost() == null) {
        throw new URISyntaxException(url, "no host");
      }
      return Optional.of(
          new Webhook(
              doc.get("name").asText(),
              doc.get("label").asText(),
              uri,
              doc.path("active").asBoolean(true)));
    } catch (URISyntaxException e) {
      compiler.add(key, Problem.at("/url", "webhook.bad-url", url));
      return Optional.empty();
    }
  }

  /** An email action: a template of the triggering object, to people or an email field. */
  Optional<Action> email(String key, String at, JsonNode json, ObjectDefinition object) {
    String template = json.get("template").asText();
    EmailTemplate found = templates.get(template);
    if (found == null || !found.object().equals(object.name())) {
      compiler.add(
          key,
          Problem.at(at + "/template", "automation.unknown-template", template, object.name()));
    }
    JsonNode to = json.get("to");
    String kind = to.fieldNames().next();
    Optional<String> name =
        kind.equals("owner") || kind.equals("manager")
            ? Optional.empty()
            : Optional.of(to.get(kind).asText());
    if (kind.equals("field")) {
      boolean email =
          SystemFields.field(object, name.get())
              .map(FieldDefinition::type)
              .filter(t -> t.kind() == FieldKind.EMAIL)
              .isPresent();
      if (!email) {
        compiler.add(key, Problem.at(at + "/to/field", "automation.not-an-email", name.get()));
      }
    }
    return Optional.of(new Action.Email(template, kind, name));
  }

  /** A webhook action: a webhook there is, and fields of the triggering object. */
  Optional<Action> webhook(String key, String at, JsonNode json, ObjectDefinition object) {
    String webhook = json.get("webhook").asText();
    if (!webhooks.containsKey(webhook)) {
      compiler.add(key, Problem.at(at + "/webhook", "automation.unknown-webhook", webhook));
    }
    List<String> fields = new ArrayList<>();
    JsonNode list = json.path("fields");
    for (int i = 0; i < list.size(); i++) {
      String field = list.get(i).asText();
      if (SystemFields.field(object, field).isEmpty()) {
        compiler.add(key, Problem.at(at + "/fields/" + i, "automation.unknown-field", field));
      }
      fields.add(field);
    }
    return Optional.of(new Action.Webhook(webhook, fields));
  }
}
