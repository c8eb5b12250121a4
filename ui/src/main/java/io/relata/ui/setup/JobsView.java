package io.relata.ui.setup;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.relata.platform.job.Job;
import io.relata.platform.job.JobConsole;
import io.relata.platform.job.JobState;
import io.relata.platform.rest.ProblemException;
import io.relata.ui.format.Values;
import io.relata.ui.screen.Problems;
import io.relata.ui.screen.Workspace;
import io.relata.ui.session.UserSettings;
import io.relata.ui.shell.MainLayout;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The job queue, for holders of {@code manage-metadata}: the work the platform does after a write
 * (mail, webhook calls, date automations, index builds), newest first, by state. A dead job — one
 * whose last attempt failed — shows why, and is retried or discarded here.
 */
@Route(value = "setup/jobs", layout = MainLayout.class)
public class JobsView extends SetupPage {

  private static final int PAGE = 50;

  private final JobConsole jobs;
  private final List<Job> shown = new ArrayList<>();
  private Grid<Job> grid;
  private Select<String> state;
  private Button more;

  @Inject
  public JobsView(Workspace workspace, JobConsole jobs) {
    super(workspace);
    this.jobs = jobs;
  }

  @Override
  boolean enter(BeforeEnterEvent event, Workspace.View view) {
    removeAll();
    // drawn anew on each visit: a view kept from an earlier one adds no second listener
    grid = new Grid<>();
    state = new Select<>();
    more = new Button();
    Values values = UserSettings.current().orElseThrow().values();
    grid.setId("jobs-grid");
    grid.addClassName("relata-setup-grid");
    grid.addColumn(Job::kind).setHeader(getTranslation("setup.jobs.kind")).setAutoWidth(true);
    grid.addComponentColumn(this::badge)
        .setHeader(getTranslation("setup.jobs.state"))
        .setAutoWidth(true);
    grid.addColumn(job -> values.dateTime(job.runAt().toString()))
        .setHeader(getTranslation("setup.jobs.run-at"))
        .setAutoWidth(true);
    grid.addColumn(job -> job.attempts() + " / " + job.maxAttempts())
        .setHeader(getTranslation("setup.jobs.attempts"))
        .setAutoWidth(true);
    grid.addColumn(job -> job.lastError().orElse(""))
        .setHeader(getTranslation("setup.jobs.last-error"))
        .setTooltipGenerator(job -> job.lastError().orElse(""))
        .setFlexGrow(1);
    grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
    grid.setAllRowsVisible(true);
    state.setId("jobs-state");
    state.setLabel(getTranslation("setup.jobs.state"));
    List<String> states = new ArrayList<>(List.of(""));
    for (JobState one : JobState.values()) {
      states.add(one.json());
    }
    state.setItems(states);
    state.setItemLabelGenerator(
        s -> s.isEmpty() ? getTranslation("setup.jobs.all") : getTranslation("setup.jobs." + s));
    state.setValue("");
    state.addValueChangeListener(e -> reload());
    more.setText(getTranslation("setup.jobs.more"));
    more.setId("jobs-more");
    more.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    more.addClickListener(e -> page());
    add(
        back(getTranslation("setup.title"), SetupView.class, RouteParameters.empty()),
        new H1(getTranslation("setup.jobs.title")),
        state,
        grid,
        more);
    reload();
    return true;
  }

  private void reload() {
    shown.clear();
    page();
  }

  /** The next page of jobs, after those shown. */
  private void page() {
    Optional<String> chosen = Optional.ofNullable(state.getValue()).filter(s -> !s.isEmpty());
    Optional<UUID> after = shown.isEmpty() ? Optional.empty() : Optional.of(last().id());
    List<Job> found;
    try {
      found = jobs.list(actor(), chosen.flatMap(JobState::of), Optional.empty(), after, PAGE + 1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the job queue", e);
    }
    shown.addAll(found.subList(0, Math.min(PAGE, found.size())));
    more.setVisible(found.size() > PAGE);
    grid.setItems(shown);
  }

  private Job last() {
    return shown.get(shown.size() - 1);
  }

  private Span badge(Job job) {
    Span badge = new Span(getTranslation("setup.jobs." + job.state().json()));
    badge.addClassNames("relata-status", "relata-status-job-" + job.state().json());
    return badge;
  }

  /** Retry for a dead or discarded job, discard for a waiting or dead one. */
  private Component actions(Job job) {
    HorizontalLayout buttons = new HorizontalLayout();
    buttons.setSpacing(false);
    if (job.state() == JobState.DEAD || job.state() == JobState.DISCARDED) {
      Button retry = new Button(getTranslation("setup.jobs.retry"), e -> act(job, true));
      retry.setId("job-retry-" + job.id());
      retry.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
      buttons.add(retry);
    }
    if (job.state() == JobState.DEAD || job.state() == JobState.READY) {
      Button discard = new Button(getTranslation("setup.jobs.discard"), e -> act(job, false));
      discard.setId("job-discard-" + job.id());
      discard.addThemeVariants(
          ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
      buttons.add(discard);
    }
    return buttons;
  }

  private void act(Job job, boolean retry) {
    try {
      Job now = retry ? jobs.retry(actor(), job.id()) : jobs.discard(actor(), job.id());
      shown.replaceAll(one -> one.id().equals(now.id()) ? now : one);
      grid.getDataProvider().refreshAll();
      done(getTranslation(retry ? "setup.jobs.retried" : "setup.jobs.discarded-note", job.kind()));
    } catch (ProblemException refused) {
      Problems.notify(List.of(Problems.text(refused, getLocale())));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot change the job", e);
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("setup.jobs.title");
  }
}
