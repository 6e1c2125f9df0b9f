package dev.baton.engine.dashboard;

import dev.baton.engine.system.EngineTables;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The dashboard's history counts in two grouped queries over the engine's {@code ACT_HI_PROCINST},
 * each one index range scan of the last day (Camunda's query API would need one count per figure: 2
 * s with 100,000 instances of history).
 */
@Component
class DashboardCounts {

  /** Per process key: started in the last day and hour; completed in the last day, per hour. */
  static final class KeyCounts {
    long startedLastDay;
    long startedLastHour;
    long completedLastDay;
    long completedLastHour;
    final long[] completedPerHour;

    KeyCounts(int hours) {
      completedPerHour = new long[hours];
    }
  }

  private final EngineTables tables;

  DashboardCounts(EngineTables tables) {
    this.tables = tables;
  }

  /**
   * Counts by process key; hour bucket {@code i} covers {@code [firstHour + i h, firstHour + (i+1)
   * h)}.
   */
  Map<String, KeyCounts> count(Instant now, Instant firstHour, int hours) {
    Map<String, KeyCounts> byKey = new HashMap<>();
    Timestamp dayAgo = Timestamp.from(now.minus(Duration.ofDays(1)));
    Timestamp hourAgo = Timestamp.from(now.minus(Duration.ofHours(1)));
    tables.query(
        "select PROC_DEF_KEY_, count(*), sum(case when START_TIME_ >= ? then 1 else 0 end)"
            + " from {ACT_HI_PROCINST} where START_TIME_ >= ? group by PROC_DEF_KEY_",
        rs -> {
          KeyCounts counts = byKey.computeIfAbsent(rs.getString(1), k -> new KeyCounts(hours));
          counts.startedLastDay = rs.getLong(2);
          counts.startedLastHour = rs.getLong(3);
        },
        hourAgo,
        dayAgo);
    // firstHour is within the last day, so every bucket lies inside the scanned range
    StringBuilder sql =
        new StringBuilder(
            "select PROC_DEF_KEY_, count(*), sum(case when END_TIME_ >= ? then 1 else 0 end)");
    List<Object> args = new ArrayList<>();
    args.add(hourAgo);
    for (int i = 0; i < hours; i++) {
      sql.append(", sum(case when END_TIME_ >= ? and END_TIME_ < ? then 1 else 0 end)");
      args.add(Timestamp.from(firstHour.plus(Duration.ofHours(i))));
      args.add(Timestamp.from(firstHour.plus(Duration.ofHours(i + 1))));
    }
    sql.append(
        " from {ACT_HI_PROCINST} where END_TIME_ >= ? and STATE_ = 'COMPLETED' group by PROC_DEF_KEY_");
    args.add(dayAgo);
    tables.query(
        sql.toString(),
        rs -> {
          KeyCounts counts = byKey.computeIfAbsent(rs.getString(1), k -> new KeyCounts(hours));
          counts.completedLastDay = rs.getLong(2);
          counts.completedLastHour = rs.getLong(3);
          for (int i = 0; i < hours; i++) {
            counts.completedPerHour[i] = rs.getLong(4 + i);
          }
        },
        args.toArray());
    return byKey;
  }
}
