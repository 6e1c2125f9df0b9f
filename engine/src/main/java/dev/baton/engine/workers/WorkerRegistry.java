package dev.baton.engine.workers;

import dev.baton.engine.system.BatonProperties;
import dev.baton.engine.workers.LiveWorker.Outcome;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records every worker that calls the external-task API. Calls update memory only; a scheduled
 * flush adds what changed to {@code baton_worker} (one statement per active worker and interval,
 * however often it polled), so the registry costs the hot path no database write.
 */
@Component
public class WorkerRegistry {

  private static final Logger LOG = LoggerFactory.getLogger(WorkerRegistry.class);

  private final Map<String, LiveWorker> live = new ConcurrentHashMap<>();
  private final WorkerRecordRepository records;
  private final TransactionTemplate transactions;
  private final BatonProperties.Workers settings;
  private final Clock clock;

  WorkerRegistry(
      WorkerRecordRepository records,
      TransactionTemplate transactions,
      BatonProperties properties,
      Clock clock) {
    this.records = records;
    this.transactions = transactions;
    this.settings = properties.getWorkers();
    this.clock = clock;
  }

  /** A fetch-and-lock call arrived. */
  public void polled(
      String workerId, Set<String> topics, long longPollMillis, String remoteAddress) {
    Instant now = clock.instant();
    worker(workerId, now).ifPresent(w -> w.polled(topics, longPollMillis, remoteAddress, now));
  }

  /** The worker called, e.g. to extend a lock. */
  public void seen(String workerId) {
    Instant now = clock.instant();
    worker(workerId, now).ifPresent(w -> w.seen(now));
  }

  /** A call of the worker had this outcome for {@code tasks} tasks. */
  public void counted(String workerId, Outcome outcome, int tasks) {
    Instant now = clock.instant();
    worker(workerId, now)
        .ifPresent(
            w -> {
              w.seen(now);
              w.count(outcome, tasks);
            });
  }

  private Optional<LiveWorker> worker(String workerId, Instant now) {
    if (workerId == null || workerId.isBlank()) {
      return Optional.empty();
    }
    LiveWorker worker = live.get(workerId);
    if (worker == null) {
      if (live.size() >= settings.getMaxTracked()) {
        LOG.warn("Not tracking worker '{}': {} workers tracked already", workerId, live.size());
        return Optional.empty();
      }
      worker = live.computeIfAbsent(workerId, id -> new LiveWorker(id, now));
    }
    return Optional.of(worker);
  }

  /** Writes what changed since the last flush; other nodes' counts are added to, not replaced. */
  @PreDestroy
  public void flush() {
    for (LiveWorker worker : live.values()) {
      WorkerActivity activity = worker.drain();
      if (activity != null) {
        try {
          transactions.executeWithoutResult(status -> write(activity));
        } catch (RuntimeException e) {
          worker.restore(activity);
          LOG.warn("Could not record activity of worker '{}'; will retry", activity.workerId(), e);
        }
      }
    }
  }

  private void write(WorkerActivity a) {
    if (add(a) == 0) {
      try {
        records.saveAndFlush(new WorkerRecord(a));
      } catch (DataIntegrityViolationException anotherNodeInsertedFirst) {
        add(a);
      }
    }
  }

  private int add(WorkerActivity a) {
    return records.addActivity(
        a.workerId(),
        a.topicsCsv(),
        a.lastSeen(),
        a.remoteAddress(),
        a.longPollMillis(),
        a.fetched(),
        a.completed(),
        a.failed(),
        a.bpmnErrors());
  }

  /**
   * Drops a worker's stored record and this node's counts of it. A worker that calls again (here or
   * on another node) is recorded afresh, from that call on.
   */
  public void forget(String workerId) {
    live.remove(workerId);
    transactions.executeWithoutResult(
        status -> records.findById(workerId).ifPresent(records::delete));
  }

  /** Every known worker: stored totals plus this node's unflushed counts, by worker id. */
  public Map<String, WorkerActivity> all() {
    Map<String, WorkerActivity> all = new LinkedHashMap<>();
    for (WorkerRecord record : records.findAll()) {
      all.put(record.getWorkerId(), fromRecord(record));
    }
    for (LiveWorker worker : live.values()) {
      WorkerActivity pending = worker.pending();
      all.merge(pending.workerId(), pending, WorkerRegistry::combine);
    }
    return all;
  }

  /** One worker, if it ever called. */
  public Optional<WorkerActivity> find(String workerId) {
    Optional<WorkerActivity> stored = records.findById(workerId).map(WorkerRegistry::fromRecord);
    LiveWorker worker = live.get(workerId);
    if (worker == null) {
      return stored;
    }
    WorkerActivity pending = worker.pending();
    return Optional.of(stored.map(s -> combine(s, pending)).orElse(pending));
  }

  private static WorkerActivity combine(WorkerActivity stored, WorkerActivity pending) {
    boolean newer = pending.lastSeen().isAfter(stored.lastSeen());
    return new WorkerActivity(
        stored.workerId(),
        newer && !pending.topics().isEmpty() ? pending.topics() : stored.topics(),
        stored.firstSeen().isBefore(pending.firstSeen()) ? stored.firstSeen() : pending.firstSeen(),
        newer ? pending.lastSeen() : stored.lastSeen(),
        newer && pending.remoteAddress() != null ? pending.remoteAddress() : stored.remoteAddress(),
        newer ? pending.longPollMillis() : stored.longPollMillis(),
        stored.fetched() + pending.fetched(),
        stored.completed() + pending.completed(),
        stored.failed() + pending.failed(),
        stored.bpmnErrors() + pending.bpmnErrors());
  }

  private static WorkerActivity fromRecord(WorkerRecord r) {
    return new WorkerActivity(
        r.getWorkerId(),
        WorkerActivity.topicsOf(r.getTopics()),
        r.getFirstSeen(),
        r.getLastSeen(),
        r.getRemoteAddress(),
        r.getLongPollMillis(),
        r.getFetched(),
        r.getCompleted(),
        r.getFailed(),
        r.getBpmnErrors());
  }
}
