package dev.baton.engine.dashboard;

import dev.baton.engine.definitions.DefinitionService;
import dev.baton.engine.definitions.DefinitionView;
import dev.baton.engine.workers.WorkerService;
import dev.baton.engine.workers.WorkerStatus;
import dev.baton.engine.workers.WorkerView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/**
 * Counts for the dashboard. Every figure is a count query the database answers from its indexes on
 * start and end time; nothing is loaded row by row.
 */
@Service
public class DashboardService {

  private static final int HOURS = 24;

  private final RuntimeService runtime;
  private final HistoryService history;
  private final DefinitionService definitions;
  private final WorkerService workers;
  private final Clock clock;

  DashboardService(
      RuntimeService runtime,
      HistoryService history,
      DefinitionService definitions,
      WorkerService workers,
      Clock clock) {
    this.runtime = runtime;
    this.history = history;
    this.definitions = definitions;
    this.workers = workers;
    this.clock = clock;
  }

  public DashboardView dashboard() {
    Instant now = clock.instant();
    Date hourAgo = Date.from(now.minus(Duration.ofHours(1)));
    Date dayAgo = Date.from(now.minus(Duration.ofDays(1)));
    List<WorkerView> all = workers.workers();
    long active = all.stream().filter(w -> w.status() == WorkerStatus.ACTIVE).count();
    return new DashboardView(
        runtime.createProcessInstanceQuery().count(),
        runtime.createIncidentQuery().count(),
        history.createHistoricProcessInstanceQuery().startedAfter(hourAgo).count(),
        history.createHistoricProcessInstanceQuery().completed().finishedAfter(hourAgo).count(),
        history.createHistoricProcessInstanceQuery().startedAfter(dayAgo).count(),
        history.createHistoricProcessInstanceQuery().completed().finishedAfter(dayAgo).count(),
        perKey(dayAgo),
        completionsPerHour(now),
        new DashboardView.Workers(active, all.size() - active));
  }

  private List<DashboardView.Definition> perKey(Date dayAgo) {
    Map<String, DashboardView.Definition> byKey = new LinkedHashMap<>();
    for (DefinitionView version : definitions.list()) {
      byKey.merge(
          version.key(),
          new DashboardView.Definition(
              version.key(), version.name(), version.runningInstances(), version.incidents(), 0, 0),
          (a, b) ->
              new DashboardView.Definition(
                  a.key(),
                  a.name(),
                  a.running() + b.running(),
                  a.incidents() + b.incidents(),
                  0,
                  0));
    }
    List<DashboardView.Definition> result = new ArrayList<>();
    for (DashboardView.Definition d : byKey.values()) {
      long started =
          history
              .createHistoricProcessInstanceQuery()
              .processDefinitionKey(d.key())
              .startedAfter(dayAgo)
              .count();
      long completed =
          history
              .createHistoricProcessInstanceQuery()
              .processDefinitionKey(d.key())
              .completed()
              .finishedAfter(dayAgo)
              .count();
      result.add(
          new DashboardView.Definition(
              d.key(), d.name(), d.running(), d.incidents(), started, completed));
    }
    return result;
  }

  private List<DashboardView.HourBucket> completionsPerHour(Instant now) {
    Instant currentHour = now.truncatedTo(ChronoUnit.HOURS);
    List<DashboardView.HourBucket> buckets = new ArrayList<>();
    for (int i = HOURS - 1; i >= 0; i--) {
      Instant start = currentHour.minus(Duration.ofHours(i));
      long completed =
          history
              .createHistoricProcessInstanceQuery()
              .completed()
              .finishedAfter(Date.from(start))
              .finishedBefore(Date.from(start.plus(Duration.ofHours(1))))
              .count();
      buckets.add(new DashboardView.HourBucket(start, completed));
    }
    return buckets;
  }
}
