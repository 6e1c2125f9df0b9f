package dev.baton.engine.workers;

import java.time.Instant;
import java.util.Set;

/**
 * A worker as this node sees it between flushes. Updated on every call of the worker, in memory
 * only, so polling adds no database write; {@link #drain()} hands the changes to the flush.
 */
final class LiveWorker {

  private final String workerId;
  private final Instant firstSeen;
  private Set<String> topics = Set.of();
  private Instant lastSeen;
  private String remoteAddress;
  private long longPollMillis;
  private long fetched;
  private long completed;
  private long failed;
  private long bpmnErrors;
  private boolean dirty;

  LiveWorker(String workerId, Instant now) {
    this.workerId = workerId;
    this.firstSeen = now;
    this.lastSeen = now;
  }

  synchronized void polled(
      Set<String> topics, long longPollMillis, String remoteAddress, Instant now) {
    this.topics = Set.copyOf(topics);
    this.longPollMillis = longPollMillis;
    this.remoteAddress = remoteAddress;
    seen(now);
  }

  synchronized void seen(Instant now) {
    if (now.isAfter(lastSeen)) {
      lastSeen = now;
    }
    dirty = true;
  }

  synchronized void count(Outcome outcome, int tasks) {
    switch (outcome) {
      case FETCHED -> fetched += tasks;
      case COMPLETED -> completed += tasks;
      case FAILED -> failed += tasks;
      case BPMN_ERROR -> bpmnErrors += tasks;
    }
    dirty = true;
  }

  /** What changed since the last call, or {@code null} when nothing did; resets the counts. */
  synchronized WorkerActivity drain() {
    if (!dirty) {
      return null;
    }
    WorkerActivity activity = pending();
    fetched = completed = failed = bpmnErrors = 0;
    dirty = false;
    return activity;
  }

  /** The latest facts and the counts not yet flushed, without resetting anything. */
  synchronized WorkerActivity pending() {
    return new WorkerActivity(
        workerId,
        topics,
        firstSeen,
        lastSeen,
        remoteAddress,
        longPollMillis,
        fetched,
        completed,
        failed,
        bpmnErrors);
  }

  /** Puts back counts whose flush failed, so they are not lost. */
  synchronized void restore(WorkerActivity unflushed) {
    fetched += unflushed.fetched();
    completed += unflushed.completed();
    failed += unflushed.failed();
    bpmnErrors += unflushed.bpmnErrors();
    dirty = true;
  }

  /** What a worker's call did to tasks. */
  enum Outcome {
    FETCHED,
    COMPLETED,
    FAILED,
    BPMN_ERROR
  }
}
