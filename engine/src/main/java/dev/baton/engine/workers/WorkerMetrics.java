package dev.baton.engine.workers;

import dev.baton.engine.workers.LiveWorker.Outcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Micrometer meters for workers and topics: counters per outcome, and gauges of each queue
 * refreshed on a schedule (one grouped query, not one per scrape).
 */
@Component
class WorkerMetrics {

  private final MeterRegistry meters;
  private final Clock clock;
  private final MultiGauge open;
  private final MultiGauge locked;
  private final MultiGauge oldestAge;
  private final MultiGauge lastPollAge;

  WorkerMetrics(MeterRegistry meters, Clock clock) {
    this.meters = meters;
    this.clock = clock;
    this.open =
        MultiGauge.builder("baton.topic.open")
            .description("External tasks on the topic")
            .register(meters);
    this.locked =
        MultiGauge.builder("baton.topic.locked")
            .description("Tasks locked by a worker now")
            .register(meters);
    this.oldestAge =
        MultiGauge.builder("baton.topic.oldest.unlocked.age")
            .description("Age of the oldest task waiting for a worker")
            .baseUnit("seconds")
            .register(meters);
    this.lastPollAge =
        MultiGauge.builder("baton.worker.last.poll.age")
            .description("Time since the worker last called")
            .baseUnit("seconds")
            .register(meters);
  }

  void count(String worker, String topic, Outcome outcome, int tasks) {
    String name = outcome.name().toLowerCase(Locale.ROOT);
    meters
        .counter("baton.worker.tasks", "worker", orUnknown(worker), "outcome", name)
        .increment(tasks);
    meters
        .counter("baton.topic.tasks", "topic", orUnknown(topic), "outcome", name)
        .increment(tasks);
  }

  void refreshQueues(List<TaskQueues.TopicQueue> queues) {
    Instant now = clock.instant();
    List<MultiGauge.Row<?>> openRows = new ArrayList<>();
    List<MultiGauge.Row<?>> lockedRows = new ArrayList<>();
    List<MultiGauge.Row<?>> ageRows = new ArrayList<>();
    for (TaskQueues.TopicQueue queue : queues) {
      Tags tags = Tags.of("topic", orUnknown(queue.topic()));
      openRows.add(MultiGauge.Row.of(tags, queue.open()));
      lockedRows.add(MultiGauge.Row.of(tags, queue.locked()));
      Instant oldest = queue.oldestUnlockedCreated();
      ageRows.add(MultiGauge.Row.of(tags, oldest == null ? 0 : seconds(oldest, now)));
    }
    open.register(openRows, true);
    locked.register(lockedRows, true);
    oldestAge.register(ageRows, true);
  }

  void refreshWorkers(List<WorkerActivity> workers) {
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    for (WorkerActivity worker : workers) {
      rows.add(
          MultiGauge.Row.of(
              Tags.of("worker", worker.workerId()),
              worker.lastSeen(),
              lastSeen -> seconds(lastSeen, clock.instant())));
    }
    lastPollAge.register(rows, true);
  }

  private static double seconds(Instant from, Instant to) {
    return Math.max(0, Duration.between(from, to).toMillis() / 1000.0);
  }

  private static String orUnknown(String value) {
    return value == null || value.isBlank() ? "unknown" : value;
  }
}
