package dev.baton.engine.dashboard;

import java.time.Instant;
import java.util.List;

/** The dashboard's figures, in one answer. */
public record DashboardView(
    long running,
    long openIncidents,
    long startedLastHour,
    long completedLastHour,
    long startedLastDay,
    long completedLastDay,
    List<Definition> definitions,
    List<HourBucket> completionsPerHour,
    Workers workers) {

  /** Per process key, all versions together. */
  public record Definition(
      String key,
      String name,
      long running,
      long incidents,
      long startedLastDay,
      long completedLastDay) {}

  /** Instances completed in the hour starting at {@code start}. */
  public record HourBucket(Instant start, long completed) {}

  /** How many workers poll, how many went quiet. */
  public record Workers(long active, long stale) {}
}
