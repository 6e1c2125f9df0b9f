package dev.baton.engine.workers;

import java.time.Instant;
import java.util.List;

/**
 * One topic's queue: enough to tell a stuck queue (tasks waiting, nobody polling) from a dead
 * worker (tasks locked, worker stale) or a failing one (tasks without retries); {@code processes}
 * are the keys of the deployed processes with an external task on this topic.
 */
public record TopicView(
    String topic,
    long openTasks,
    long lockedTasks,
    long tasksWithoutRetries,
    Instant oldestUnlockedSince,
    Long oldestUnlockedAgeSeconds,
    List<String> workers,
    List<String> processes) {}
