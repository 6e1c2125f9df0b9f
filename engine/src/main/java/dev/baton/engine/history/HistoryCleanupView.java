package dev.baton.engine.history;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The engine's history cleanup as configured and as it ran: strategy, time to live (default and per
 * deployed definition), the cleanup window (daily and per weekday), the last run of the cleanup job
 * and when it is due next ({@code null} when no window is configured and nobody started it).
 */
public record HistoryCleanupView(
    boolean enabled,
    String strategy,
    String defaultTimeToLive,
    String batchOperationTimeToLive,
    String jobLogTimeToLive,
    Window window,
    Map<String, Window> weekdayWindows,
    List<DefinitionTimeToLive> definitions,
    Run lastRun,
    Instant nextRun) {

  /** A daily window as the engine holds it ("HH:mm", end may be null for open-ended). */
  public record Window(String start, String end) {}

  /** The latest version of one definition and its time to live in days (null: never removed). */
  public record DefinitionTimeToLive(String type, String key, int version, Integer days) {}

  /** One execution of the cleanup job: when, whether it succeeded, and its error if not. */
  public record Run(Instant at, boolean succeeded, String message) {}
}
