package dev.baton.engine.definitions;

import java.util.List;

/** Per activity of a definition: what waits there now and what passed through (heatmap). */
public record ActivityStatistics(List<Activity> activities) {

  /**
   * @param running instances waiting at the activity now
   * @param incidents open incidents at the activity
   * @param passed finished activity instances in history
   * @param p50Millis median duration of those, {@code null} when none
   * @param p95Millis 95th percentile duration, {@code null} when none
   */
  public record Activity(
      String activityId,
      long running,
      long incidents,
      long passed,
      Long p50Millis,
      Long p95Millis) {}
}
