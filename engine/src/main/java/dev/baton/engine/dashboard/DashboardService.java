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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  private final DashboardCounts counts;
  private final DefinitionService definitions;
  private final WorkerService workers;
  private final Clock clock;

  DashboardService(
      RuntimeService runtime,
      DashboardCounts counts,
      DefinitionService definitions,
      WorkerService workers,
      Clock clock) {
    this.runtime = runtime;
    this.counts = counts;
    this.definitions = definitions;
    this.workers = workers;
    this.clock = clock;
  }

  public DashboardView dashboard() {
    Instant now = clock.instant();
    Instant firstHour = now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(HOURS - 1));
    Map<String, DashboardCounts.KeyCounts> history = counts.count(now, firstHour, HOURS);
    List<WorkerView> all = workers.workers();
    long active = all.stream().filter(w -> w.status() == WorkerStatus.ACTIVE).count();
    // a registered worker that never called is not stale: nothing stopped
    long stale = all.stream().filter(w -> w.status() == WorkerStatus.STALE).count();
    long[] perHour = new long[HOURS];
    history
        .values()
        .forEach(
            c -> {
              for (int i = 0; i < HOURS; i++) {
                perHour[i] += c.completedPerHour[i];
              }
            });
    List<DashboardView.HourBucket> buckets = new ArrayList<>();
    for (int i = 0; i < HOURS; i++) {
      buckets.add(new DashboardView.HourBucket(firstHour.plus(Duration.ofHours(i)), perHour[i]));
    }
    return new DashboardView(
        runtime.createProcessInstanceQuery().count(),
        runtime.createIncidentQuery().count(),
        history.values().stream().mapToLong(c -> c.startedLastHour).sum(),
        history.values().stream().mapToLong(c -> c.completedLastHour).sum(),
        history.values().stream().mapToLong(c -> c.startedLastDay).sum(),
        history.values().stream().mapToLong(c -> c.completedLastDay).sum(),
        perKey(history),
        buckets,
        new DashboardView.Workers(active, stale));
  }

  private List<DashboardView.Definition> perKey(Map<String, DashboardCounts.KeyCounts> history) {
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
      DashboardCounts.KeyCounts c = history.get(d.key());
      result.add(
          new DashboardView.Definition(
              d.key(),
              d.name(),
              d.running(),
              d.incidents(),
              c == null ? 0 : c.startedLastDay,
              c == null ? 0 : c.completedLastDay));
    }
    return result;
  }
}
