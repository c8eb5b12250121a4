package io.relata.metadata.automation;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.metadata.condition.ConditionChecker;
import io.relata.metadata.condition.ConditionException;
import io.relata.metadata.condition.ConditionParser;
import io.relata.metadata.condition.Scope;
import io.relata.metadata.condition.Typed;
import io.relata.metadata.definition.FieldKind;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.problem.Problem;
import io.relata.metadata.schema.MetaSchema;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks business calendars and service-level policies and compiles them, as part of the {@link
 * AutomationCompiler}'s run (whose problem list and action checks they share). Problems are keyed
 * {@code calendars/<name>} and {@code sla-policies/<name>}: an unknown zone, hours that end before
 * they begin, a policy of an unknown object or calendar, a priority field that is no picklist, a
 * due field that is no date-time, conditions that do not type, actions as an automation's.
 */
final class ServiceLevelCompiler {

  private static final String CALENDARS = "calendars";
  private static final String POLICIES = "sla-policies";

  private final AutomationCompiler compiler;
  private final Map<String, BusinessCalendar> calendars = new LinkedHashMap<>();

  ServiceLevelCompiler(AutomationCompiler compiler) {
    this.compiler = compiler;
  }

  /** The calendars compiled, by name. */
  Map<String, BusinessCalendar> calendars(List<JsonNode> documents) {
    for (BusinessCalendar calendar :
        compiler.each(
            CALENDARS, documents, MetaSchema.CALENDAR, "sla.duplicate-name", this::calendar)) {
      calendars.put(calendar.name(), calendar);
    }
    return calendars;
  }

  /** The policies compiled, against the calendars compiled before. */
  List<SlaPolicy> policies(List<JsonNode> documents) {
    return compiler.each(
        POLICIES, documents, MetaSchema.SLA_POLICY, "sla.duplicate-name", this::policy);
  }

  private Optional<BusinessCalendar> calendar(String key, JsonNode doc) {
    int before = compiler.count(key);
    ZoneId zone = ZoneId.of("UTC");
    try {
      zone = ZoneId.of(doc.get("zone").asText());
    } catch (DateTimeException e) {
      compiler.add(key, Problem.at("/zone", "sla.unknown-zone", doc.get("zone").asText()));
    }
    Map<DayOfWeek, List<BusinessCalendar.Hours>> week = new EnumMap<>(DayOfWeek.class);
    for (Iterator<String> days = doc.get("hours").fieldNames(); days.hasNext(); ) {
      String day = days.next();
      List<BusinessCalendar.Hours> hours = new ArrayList<>();
      JsonNode spans = doc.get("hours").get(day);
      for (int i = 0; i < spans.size(); i++) {
        String at = "/hours/" + day + "/" + i;
        boolean midnight = spans.get(i).get("to").asText().equals("24:00");
        LocalTime from = LocalTime.parse(spans.get(i).get("from").asText());
        LocalTime to = midnight ? LocalTime.MAX : LocalTime.parse(spans.get(i).get("to").asText());
        boolean overlaps =
            !hours.isEmpty()
                && (hours.get(hours.size() - 1).toMidnight()
                    || from.isBefore(hours.get(hours.size() - 1).to()));
        if (!to.isAfter(from) || overlaps) {
          compiler.add(
              key,
              Problem.at(at, "sla.bad-hours", from.toString(), spans.get(i).get("to").asText()));
        }
        hours.add(new BusinessCalendar.Hours(from, to, midnight));
      }
      week.put(DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT)), hours);
    }
    Set<LocalDate> holidays = new HashSet<>();
    JsonNode days = doc.path("holidays");
    for (int i = 0; i < days.size(); i++) {
      try {
        holidays.add(LocalDate.parse(days.get(i).asText()));
      } catch (DateTimeException e) {
        compiler.add(key, Problem.at("/holidays/" + i, "sla.bad-date", days.get(i).asText()));
      }
    }
    if (compiler.count(key) > before) {
      return Optional.empty();
    }
    return Optional.of(
        new BusinessCalendar(
            doc.get("name").asText(), doc.get("label").asText(), zone, week, holidays));
  }

  private Optional<SlaPolicy> policy(String key, JsonNode doc) {
    String objectName = doc.get("object").asText();
    Optional<ObjectDefinition> found = compiler.object(objectName);
    if (found.isEmpty()) {
      compiler.add(key, Problem.at("/object", "automation.unknown-object", objectName));
      return Optional.empty();
    }
    ObjectDefinition object = found.get();
    int before = compiler.count(key);
    String calendar = doc.get("calendar").asText();
    if (!calendars.containsKey(calendar)) {
      compiler.add(key, Problem.at("/calendar", "sla.unknown-calendar", calendar));
    }
    Optional<String> priority = Optional.ofNullable(doc.get("priorityField")).map(JsonNode::asText);
    priority
        .filter(p -> object.field(p).filter(f -> f.type() instanceof FieldType.Picklist).isEmpty())
        .ifPresent(p -> compiler.add(key, Problem.at("/priorityField", "sla.not-a-picklist", p)));
    Optional<String> due = Optional.ofNullable(doc.get("dueField")).map(JsonNode::asText);
    due.filter(
            d ->
                object
                    .field(d)
                    .filter(f -> f.type().kind() == FieldKind.DATETIME && !f.type().computed())
                    .isEmpty())
        .ifPresent(d -> compiler.add(key, Problem.at("/dueField", "sla.not-a-date-time", d)));
    List<SlaPolicy.Target> targets = new ArrayList<>();
    JsonNode list = doc.get("targets");
    for (int i = 0; i < list.size(); i++) {
      JsonNode target = list.get(i);
      String at = "/targets/" + i;
      Duration within = compiler.duration(key, at + "/within", target.get("within"));
      if (within.isZero()) {
        compiler.add(key, Problem.at(at + "/within", "automation.duration", "PT0M"));
      }
      Optional<Duration> warn =
          target.has("warnBefore")
              ? Optional.of(compiler.duration(key, at + "/warnBefore", target.get("warnBefore")))
              : Optional.empty();
      targets.add(
          new SlaPolicy.Target(
              Optional.ofNullable(target.get("priority")).map(JsonNode::asText), within, warn));
    }
    Optional<Typed> pause = condition(key, "/pauseWhen", doc.get("pauseWhen"), object);
    Optional<Typed> stop = condition(key, "/stopWhen", doc.get("stopWhen"), object);
    String name = doc.get("name").asText();
    String label = doc.get("label").asText();
    Optional<Automation> warning =
        doc.has("warning")
            ? compiler.afterActions(
                key, "/warning", doc.get("warning"), object, name + "#warning", label)
            : Optional.empty();
    Optional<Automation> breach =
        compiler.afterActions(key, "/breach", doc.get("breach"), object, name + "#breach", label);
    if (compiler.count(key) > before) {
      return Optional.empty();
    }
    return Optional.of(
        new SlaPolicy(
            name,
            label,
            objectName,
            doc.path("active").asBoolean(true),
            calendar,
            priority,
            targets,
            pause,
            stop.orElseThrow(),
            due,
            warning,
            breach.orElseThrow()));
  }

  private Optional<Typed> condition(String key, String at, JsonNode json, ObjectDefinition object) {
    if (json == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          ConditionChecker.condition(ConditionParser.parse(json.asText()), object, Scope.RECORD)
              .typed());
    } catch (ConditionException e) {
      compiler.add(key, e.problem(at));
      return Optional.empty();
    }
  }
}
