package dev.baton.engine.workers;

import java.time.Instant;
import java.util.Set;

/** A worker as operators see it. */
public record WorkerView(
    String workerId,
    WorkerStatus status,
    Set<String> topics,
    Instant firstSeen,
    Instant lastSeen,
    String remoteAddress,
    long lockedTasks,
    long fetched,
    long completed,
    long failed,
    long bpmnErrors,
    boolean registered,
    Set<String> allowedTopics) {}
