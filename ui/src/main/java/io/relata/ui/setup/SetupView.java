package io.relata.ui.setup;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.relata.metadata.access.SystemPermission;
import io.relata.metadata.kind.CompileStep;
import io.relata.metadata.kind.DocumentKind;
import io.relata.metadata.kind.DocumentKinds;
import io.relata.platform.build.BuildProgress;
import io.relata.ui.screen.Workspace;
import io.relata.ui.shell.MainLayout;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Setup's home: every kind of metadata the registry has, grouped as an admin thinks of them
 * (objects, security, apps and dashboards, automation), each leading to its documents; the model's
 * revisions and what was deleted and can be restored, the automations' run log and the job queue,
 * the audit log; and the index builds still running after a change.
 */
@Route(value = "setup", layout = MainLayout.class)
public class SetupView extends SetupPage {

  /** The heading of the kinds each compile step compiles: how an admin groups them. */
  private static final Map<CompileStep, String> SECTIONS =
      Map.of(
          CompileStep.OBJECTS, "setup.section.objects",
          CompileStep.ACCESS, "setup.section.access",
          CompileStep.PRESENTATION, "setup.section.presentation",
          CompileStep.AUTOMATIONS, "setup.section.automations");

  private final BuildProgress builds;

  @Inject
  public SetupView(Workspace workspace, BuildProgress builds) {
    super(workspace);
    this.builds = builds;
  }

  @Override
  boolean allowed(Workspace.View view) {
    return view.configures();
  }

  @Override
  boolean enter(BeforeEnterEvent event, Workspace.View view) {
    removeAll();
    add(new H1(getTranslation("setup.title")));
    if (!view.holds(SystemPermission.MANAGE_METADATA)) {
      add(
          new Paragraph(
              getTranslation(
                  view.holds(SystemPermission.MANAGE_USERS)
                      ? "setup.users-only"
                      : "setup.audit-only")));
      Div section = section("setup.section.operations");
      people(view, section);
      add(section);
      return true;
    }
    Div sections = new Div();
    sections.addClassName("relata-setup-sections");
    Map<CompileStep, List<DocumentKind>> byStep = new LinkedHashMap<>();
    for (DocumentKind kind : DocumentKinds.all()) {
      byStep.computeIfAbsent(kind.step(), step -> new ArrayList<>()).add(kind);
    }
    byStep.forEach(
        (step, kinds) -> {
          Div section = section(SECTIONS.getOrDefault(step, "setup.section.objects"));
          for (DocumentKind kind : kinds) {
            section.add(link(SetupAccess.kind(this, kind.id()), KindView.class, kind.id()));
          }
          sections.add(section);
        });
    Div operations = section("setup.section.operations");
    RouterLink revisions =
        new RouterLink(getTranslation("setup.revisions.title"), RevisionsView.class);
    revisions.setId("setup-link-revisions");
    RouterLink deleted = new RouterLink(getTranslation("setup.deleted.title"), DeletedView.class);
    deleted.setId("setup-link-deleted");
    RouterLink jobs = new RouterLink(getTranslation("setup.jobs.title"), JobsView.class);
    jobs.setId("setup-link-jobs");
    RouterLink runs = new RouterLink(getTranslation("setup.runs.title"), RunsView.class);
    runs.setId("setup-link-runs");
    operations.add(
        card(revisions, VaadinIcon.TIME_BACKWARD),
        card(deleted, VaadinIcon.TRASH),
        card(runs, VaadinIcon.FLASH),
        card(jobs, VaadinIcon.TASKS));
    people(view, operations);
    sections.add(operations);
    add(sections, buildsInProgress());
    return true;
  }

  /** Users, groups and the explain tool for who manages users; the audit for who reads it. */
  private void people(Workspace.View view, Div section) {
    if (view.holds(SystemPermission.MANAGE_USERS)) {
      section.add(
          card(usersLink(), VaadinIcon.USER),
          card(groupsLink(), VaadinIcon.USERS),
          card(explain(), VaadinIcon.QUESTION_CIRCLE_O));
    }
    if (view.holds(SystemPermission.VIEW_AUDIT)) {
      RouterLink audit = new RouterLink(getTranslation("setup.audit.title"), AuditView.class);
      audit.setId("setup-link-audit");
      section.add(card(audit, VaadinIcon.SHIELD));
    }
  }

  private RouterLink usersLink() {
    RouterLink users = new RouterLink(getTranslation("setup.users.title"), UsersView.class);
    users.setId("setup-link-users");
    return users;
  }

  private RouterLink groupsLink() {
    RouterLink groups = new RouterLink(getTranslation("setup.groups.title"), GroupsView.class);
    groups.setId("setup-link-groups");
    return groups;
  }

  private RouterLink explain() {
    RouterLink explain = new RouterLink(getTranslation("setup.explain.title"), ExplainView.class);
    explain.setId("setup-link-explain");
    return explain;
  }

  private Div section(String key) {
    Div section = new Div();
    section.addClassName("relata-setup-section");
    section.add(new H2(getTranslation(key)));
    return section;
  }

  private Div link(String text, Class<KindView> view, String kind) {
    RouterLink link =
        new RouterLink(text, view, new com.vaadin.flow.router.RouteParameters("kind", kind));
    link.setId("setup-link-" + kind);
    return card(link, VaadinIcon.FILE_TEXT_O);
  }

  private static Div card(RouterLink link, VaadinIcon icon) {
    Div card = new Div(icon.create(), link);
    card.addClassName("relata-setup-link");
    return card;
  }

  /** Index builds and search refreshes a change left to do, with how far each is. */
  private Div buildsInProgress() {
    Div panel = new Div();
    panel.setId("setup-builds");
    panel.addClassName("relata-setup-builds");
    List<BuildProgress.Build> pending;
    try {
      pending = builds.pending();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the builds in progress", e);
    }
    if (pending.isEmpty()) {
      return panel;
    }
    panel.add(new H2(getTranslation("setup.builds.title")));
    for (BuildProgress.Build build : pending) {
      String what =
          getTranslation(
              build.index() ? "setup.builds.index" : "setup.builds.search", build.object());
      String how =
          build
              .progress()
              .filter(p -> p.total() > 0)
              .map(p -> getTranslation("setup.builds.progress", p.done() * 100 / p.total()))
              .orElse(getTranslation("setup.builds.waiting"));
      Div line = new Div(new Span(what), new Span(how));
      line.addClassName("relata-setup-build");
      panel.add(line);
    }
    return panel;
  }

  @Override
  public String getPageTitle() {
    return getTranslation("setup.title");
  }
}
