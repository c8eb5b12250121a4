package io.relata.ui.record;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.relata.metadata.definition.FieldDefinition;
import io.relata.metadata.definition.FieldType;
import io.relata.metadata.definition.ObjectDefinition;
import io.relata.metadata.definition.PicklistValue;
import io.relata.metadata.definition.SystemFields;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.metadata.CoreDocuments;
import io.relata.platform.record.RecordInput;
import io.relata.platform.record.TimelineItem;
import io.relata.platform.record.TimelinePage;
import io.relata.platform.record.TimelineQuery;
import io.relata.platform.record.WriteContext;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.ui.record.editor.EditorContext;
import io.relata.ui.screen.Labels;
import io.relata.ui.screen.Problems;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The 360° timeline of a record: its history and its activities in one stream, newest first,
 * filtered by kind, a page at a time; and a composer that logs a note, task, call, meeting or email
 * about the record. What the user may not see is not in it (the platform leaves it out).
 */
final class TimelinePanel extends Div {

  private final EditorContext context;
  private final UUID id;
  private final Clock clock;
  private final Div items = new Div();
  private final Button more = new Button();
  private final Optional<ObjectDefinition> activity;
  private String kind = "";
  private final ChangedValues changed;
  private Optional<String> cursor = Optional.empty();

  TimelinePanel(EditorContext context, UUID id, Clock clock) {
    this.context = context;
    this.changed = ChangedValues.of(context);
    this.id = id;
    this.clock = clock;
    setId("timeline");
    addClassName("relata-timeline");
    activity = context.view().readable(CoreDocuments.ACTIVITY);
    H3 title = new H3(getTranslation("timeline.title"));
    add(title);
    activity
        .filter(a -> context.view().access(a).rights().create())
        .ifPresent(a -> add(composer(a)));
    add(filters());
    items.addClassName("relata-timeline-items");
    more.setText(getTranslation("timeline.more"));
    more.setId("timeline-more");
    more.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    more.addClickListener(e -> page(false));
    add(items, more);
    page(true);
  }

  private Tabs filters() {
    Map<Tab, String> kinds = new LinkedHashMap<>();
    kinds.put(new Tab(getTranslation("timeline.all")), "");
    kinds.put(new Tab(getTranslation("timeline.history")), TimelineQuery.HISTORY);
    activity
        .flatMap(a -> a.field("kind"))
        .filter(f -> f.type() instanceof FieldType.Picklist)
        .filter(f -> context.view().access(activity.get()).visible("kind"))
        .ifPresent(
            f ->
                ((FieldType.Picklist) f.type())
                    .values()
                    .forEach(v -> kinds.put(new Tab(Labels.value(v)), v.name())));
    Tabs tabs = new Tabs(kinds.keySet().toArray(Tab[]::new));
    tabs.setId("timeline-filter");
    kinds.forEach(
        (tab, name) -> tab.getElement().setAttribute("data-kind", name.isEmpty() ? "all" : name));
    tabs.addSelectedChangeListener(
        e -> {
          kind = kinds.getOrDefault(e.getSelectedTab(), "");
          page(true);
        });
    tabs.addClassName("relata-timeline-filter");
    return tabs;
  }

  /** Reads the first page again ({@code fresh}) or the next one. */
  void page(boolean fresh) {
    if (fresh) {
      items.removeAll();
      cursor = Optional.empty();
    }
    TimelinePage page =
        context
            .records()
            .timeline(
                context.actor(),
                context.object().name(),
                id,
                TimelineQuery.of(kind.isEmpty() ? null : kind, null, cursor.orElse(null)));
    page.items().forEach(item -> items.add(item(item)));
    if (fresh && page.items().isEmpty()) {
      Span none = new Span(getTranslation("timeline.empty"));
      none.addClassName("relata-muted");
      items.add(none);
    }
    cursor = page.nextCursor();
    more.setVisible(cursor.isPresent());
  }

  private Div item(TimelineItem item) {
    Div card = new Div();
    card.addClassName("relata-timeline-item");
    card.getElement()
        .setAttribute("data-event", item.event().name().toLowerCase(java.util.Locale.ROOT));
    Icon icon;
    Span what = new Span();
    what.addClassName("relata-timeline-what");
    Div body = new Div();
    body.addClassName("relata-timeline-body");
    if (item.activity().isPresent()) {
      TimelineItem.Activity a = item.activity().get();
      String kindName = String.valueOf(a.values().getOrDefault("kind", "note"));
      card.getElement().setAttribute("data-kind", kindName);
      icon = icon(kindName);
      what.setText(kindLabel(kindName) + ": " + a.values().getOrDefault("subject", ""));
      Object body1 = a.values().get("body");
      if (body1 instanceof String html && !html.isBlank()) {
        body.add(new Span(io.relata.ui.format.Texts.plain(html)));
      }
      if (a.values().get("due") instanceof java.time.OffsetDateTime due) {
        Span dueSpan =
            new Span(getTranslation("timeline.due", context.values().dateTime(due.toString())));
        dueSpan.addClassName(
            Boolean.TRUE.equals(a.values().get("done")) ? "relata-done" : "relata-due");
        body.add(dueSpan);
      }
      a.owner()
          .ifPresent(
              owner -> {
                Span who = new Span(getTranslation("timeline.owner", owner.name()));
                who.addClassName("relata-muted");
                body.add(who);
              });
    } else if (item.approval().isPresent()) {
      TimelineItem.Approval approval = item.approval().get();
      icon = approvalIcon(item.event());
      what.setText(
          getTranslation(
              eventKey(item), approval.process(), stageLabel(approval.stage().orElse(null))));
      if (approval.steps() > 1) {
        Span step =
            new Span(getTranslation("timeline.approval.step", approval.step(), approval.steps()));
        step.addClassName("relata-muted");
        body.add(new Div(step));
      }
      approval
          .comment()
          .ifPresent(
              comment -> {
                Div said = new Div(new Span("“" + comment + "”"));
                said.addClassName("relata-approval-comment");
                body.add(said);
              });
    } else if (item.mail().isPresent()) {
      TimelineItem.Mail mail = item.mail().get();
      icon = VaadinIcon.ENVELOPE_O.create();
      what.setText(getTranslation(eventKey(item), mail.subject()));
      Optional<String> to =
          mail.toName()
              .or(
                  () ->
                      mail.toField()
                          .flatMap(name -> SystemFields.field(context.object(), name))
                          .map(Labels::field));
      to.ifPresent(
          name -> {
            Span whom = new Span(getTranslation("timeline.email.to", name));
            whom.addClassName("relata-muted");
            body.add(new Div(whom));
          });
    } else {
      icon = VaadinIcon.CLOCK.create();
      what.setText(event(item));
      for (TimelineItem.Change change : item.changes()) {
        if (change.field().equals("stage") && item.event() == TimelineItem.Event.STAGE_CHANGED) {
          continue;
        }
        Optional<FieldDefinition> field = SystemFields.field(context.object(), change.field());
        if (field.isEmpty()) {
          continue;
        }
        Div line = new Div();
        line.addClassName("relata-change");
        line.getElement().setAttribute("data-field", change.field());
        line.add(
            new Span(Labels.field(field.get()) + ": "),
            value(field.get(), change.before(), "relata-before"),
            new Span(" → "),
            value(field.get(), change.after(), "relata-after"));
        body.add(line);
      }
      if (item.changes().isEmpty() && !item.fields().isEmpty()) {
        List<String> labels = new ArrayList<>();
        for (String name : item.fields()) {
          SystemFields.field(context.object(), name).ifPresent(f -> labels.add(Labels.field(f)));
        }
        body.add(new Span(String.join(", ", labels)));
      }
    }
    for (TimelineItem.Because reason : item.because()) {
      Span why = new Span(because(reason));
      why.addClassName("relata-muted");
      why.addClassName("relata-because");
      body.add(new Div(why));
    }
    icon.addClassName("relata-timeline-icon");
    Span when = new Span(context.values().dateTime(item.at().toString()));
    when.addClassName("relata-muted");
    Span who =
        new Span(
            item.actor().map(TimelineItem.Person::name).orElse(getTranslation("timeline.system")));
    who.addClassName("relata-muted");
    HorizontalLayout top = new HorizontalLayout(what);
    top.setAlignItems(FlexComponent.Alignment.BASELINE);
    Div meta = new Div(who, new Span(" · "), when);
    meta.addClassName("relata-timeline-meta");
    Div text = new Div(top, body, meta);
    text.addClassName("relata-timeline-text");
    card.add(icon, text);
    return card;
  }

  /**
   * Why an automation made the change, in words: the automation, then the rule that chose the owner
   * (its label and condition, as the reader may see them) or the fallback, and the group's method.
   */
  private String because(TimelineItem.Because reason) {
    List<String> parts = new ArrayList<>();
    parts.add(
        getTranslation("timeline.because", reason.automationLabel().orElse(reason.automation())));
    reason
        .assignment()
        .map(rules -> reason.assignmentLabel().orElse(rules))
        .ifPresent(
            rules -> {
              if (reason.fallback()) {
                parts.add(getTranslation("timeline.because.fallback", rules));
              } else {
                String rule =
                    getTranslation("timeline.because.rule", reason.rule().orElse(0), rules);
                parts.add(
                    rule
                        + reason.label().map(l -> " “" + l + "”").orElse("")
                        + reason.condition().map(c -> ": " + c).orElse(""));
              }
            });
    reason
        .group()
        .ifPresent(
            group ->
                parts.add(
                    getTranslation(
                        "timeline.because." + reason.method().orElse("round-robin"), group)));
    reason
        .score()
        .ifPresent(
            score -> {
              List<String> points = new ArrayList<>();
              for (TimelineItem.Points one : reason.points()) {
                String what =
                    one.kind()
                        .map(k -> kindLabel(k) + " × " + one.count().orElse(1))
                        .or(one::label)
                        .or(one::condition)
                        .orElse("");
                points.add(what + " " + (one.points() < 0 ? "" : "+") + one.points());
              }
              parts.add(
                  getTranslation("timeline.because.score", score)
                      + (points.isEmpty() ? "" : ": " + String.join(", ", points)));
            });
    return String.join(" · ", parts);
  }

  private Span value(FieldDefinition field, Object value, String cls) {
    Span span = new Span(changed.text(context.object(), field, JsonCodec.value(value)));
    span.addClassName(cls);
    return span;
  }

  private static String eventKey(TimelineItem item) {
    return "timeline.event."
        + item.event().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  private static Icon approvalIcon(TimelineItem.Event event) {
    return switch (event) {
      case APPROVAL_APPROVED -> VaadinIcon.CHECK_CIRCLE_O.create();
      case APPROVAL_REJECTED -> VaadinIcon.CLOSE_CIRCLE_O.create();
      case APPROVAL_RECALLED -> VaadinIcon.ARROW_BACKWARD.create();
      default -> VaadinIcon.HOURGLASS.create();
    };
  }

  private String event(TimelineItem item) {
    String key = eventKey(item);
    if (item.event() == TimelineItem.Event.STAGE_CHANGED) {
      Optional<TimelineItem.Change> stage =
          item.changes().stream().filter(c -> c.field().equals("stage")).findFirst();
      if (stage.isPresent()) {
        return getTranslation(
            key, stageLabel(stage.get().before()), stageLabel(stage.get().after()));
      }
    }
    if (item.event() == TimelineItem.Event.SHARED || item.event() == TimelineItem.Event.UNSHARED) {
      return getTranslation(key, item.sharedWith().orElse(""));
    }
    return getTranslation(key, "", "");
  }

  private String stageLabel(Object name) {
    if (name == null) {
      return "—";
    }
    return context
        .object()
        .pipeline()
        .flatMap(p -> p.stage(name.toString()))
        .map(io.relata.ui.screen.Labels::stage)
        .orElse(name.toString());
  }

  private String kindLabel(String name) {
    return activity
        .flatMap(a -> a.field("kind"))
        .filter(f -> f.type() instanceof FieldType.Picklist)
        .flatMap(
            f ->
                ((FieldType.Picklist) f.type())
                    .values().stream().filter(v -> v.name().equals(name)).findFirst())
        .map(Labels::value)
        .orElse(name);
  }

  private static Icon icon(String kind) {
    return switch (kind) {
      case "task" -> VaadinIcon.CHECK_SQUARE_O.create();
      case "call" -> VaadinIcon.PHONE.create();
      case "meeting" -> VaadinIcon.GROUP.create();
      case "email" -> VaadinIcon.ENVELOPE_O.create();
      default -> VaadinIcon.COMMENT_O.create();
    };
  }

  /**
   * Logs an activity about the record: a kind, a subject, what was said, when it is due. Folded
   * until the user opens it, so that the stream stays in sight.
   */
  /**
   * "Log activity", closed: its form is made when first opened, since most visits to a record only
   * read it and a form of five editors is much of a record page's weight in the browser.
   */
  private com.vaadin.flow.component.details.Details composer(ObjectDefinition activityObject) {
    com.vaadin.flow.component.details.Details composer =
        new com.vaadin.flow.component.details.Details(getTranslation("timeline.log"));
    composer.setId("activity-composer");
    composer.addClassName("relata-composer");
    composer.addOpenedChangeListener(
        e -> {
          if (e.isOpened() && composer.getContent().findAny().isEmpty()) {
            composer.add(form(activityObject));
          }
        });
    return composer;
  }

  private Div form(ObjectDefinition activityObject) {
    Select<String> kinds = new Select<>();
    kinds.setId("activity-kind");
    kinds.getElement().setAttribute("data-field", "kind");
    kinds.setLabel(getTranslation("timeline.log.kind"));
    List<PicklistValue> values =
        activityObject
            .field("kind")
            .filter(f -> f.type() instanceof FieldType.Picklist)
            .map(f -> ((FieldType.Picklist) f.type()).values())
            .orElse(List.of());
    kinds.setItems(values.stream().filter(PicklistValue::active).map(PicklistValue::name).toList());
    kinds.setItemLabelGenerator(this::kindLabel);
    if (!values.isEmpty()) {
      kinds.setValue(values.get(0).name());
    }
    TextField subject = new TextField(getTranslation("timeline.log.subject"));
    subject.setId("activity-subject");
    subject.getElement().setAttribute("data-field", "subject");
    subject.setMaxLength(255);
    TextArea body = new TextArea(getTranslation("timeline.log.body"));
    body.setId("activity-body");
    body.getElement().setAttribute("data-field", "body");
    DateTimePicker due = new DateTimePicker(getTranslation("timeline.log.due"));
    due.setId("activity-due");
    due.getElement().setAttribute("data-field", "due");
    due.setLocale(context.values().locale());
    due.setDatePickerI18n(
        io.relata.ui.format.Pickers.dates(context.values().locale(), this::getTranslation));
    Button log = new Button(getTranslation("timeline.log.save"));
    log.setId("activity-save");
    log.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    log.addClickListener(
        e -> {
          Map<String, Object> input = new LinkedHashMap<>();
          if (kinds.getValue() != null) {
            input.put("kind", kinds.getValue());
          }
          input.put("subject", subject.getValue());
          if (!body.getValue().isBlank()) {
            input.put("body", io.relata.ui.format.Texts.html(body.getValue()));
          }
          if (due.getValue() != null) {
            input.put(
                "due",
                due.getValue()
                    .atZone(context.values().zone())
                    .withZoneSameInstant(ZoneOffset.UTC)
                    .toOffsetDateTime()
                    .toString());
          }
          input.put("about", Map.of("object", context.object().name(), "id", id.toString()));
          subject.setInvalid(false);
          try {
            context
                .records()
                .create(
                    WriteContext.of(context.actor(), WriteContext.Channel.SCREEN, clock),
                    CoreDocuments.ACTIVITY,
                    RecordInput.of(input));
            subject.clear();
            body.clear();
            due.clear();
            page(true);
          } catch (InvalidRequestException refused) {
            List<String> elsewhere = new ArrayList<>();
            for (var v : refused.violations()) {
              String message =
                  io.relata.platform.message.Messages.text(
                      v.code(), context.values().locale(), v.args().toArray());
              if (v.pointer().equals("/subject")) {
                subject.setErrorMessage(message);
                subject.setInvalid(true);
              } else {
                elsewhere.add(message);
              }
            }
            Problems.notify(elsewhere);
          }
        });
    kinds.setWidth("9rem");
    HorizontalLayout line = new HorizontalLayout(kinds, subject);
    line.setWidthFull();
    line.expand(subject);
    line.setAlignItems(FlexComponent.Alignment.BASELINE);
    line.addClassName("relata-composer-line");
    body.setWidthFull();
    body.setMaxHeight("8rem");
    due.setWidthFull();
    HorizontalLayout last = new HorizontalLayout(due, log);
    last.setWidthFull();
    last.expand(due);
    last.setAlignItems(FlexComponent.Alignment.BASELINE);
    last.addClassName("relata-composer-line");
    return new Div(line, body, last);
  }
}
