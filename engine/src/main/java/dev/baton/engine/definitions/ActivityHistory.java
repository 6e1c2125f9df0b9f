package dev.baton.engine.definitions;

import dev.baton.engine.system.EngineTables;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * How many activity instances of a definition finished and how long they took, in one grouped query
 * over the engine's {@code ACT_HI_ACTINST} (PERCENTILE_CONT runs in both H2 and PostgreSQL), so the
 * heatmap never loads the history into memory.
 */
@Component
class ActivityHistory {

  record Passed(long count, Long p50Millis, Long p95Millis) {}

  private static final String SQL =
      """
      select ACT_ID_, count(*),
             percentile_cont(0.5) within group (order by DURATION_),
             percentile_cont(0.95) within group (order by DURATION_)
      from {ACT_HI_ACTINST}
      where PROC_DEF_ID_ = ? and END_TIME_ is not null
      group by ACT_ID_
      """;

  private final EngineTables tables;

  ActivityHistory(EngineTables tables) {
    this.tables = tables;
  }

  Map<String, Passed> passed(String definitionId) {
    Map<String, Passed> passed = new HashMap<>();
    tables.query(
        SQL,
        rs -> {
          passed.put(
              rs.getString(1),
              new Passed(rs.getLong(2), millis(rs.getObject(3)), millis(rs.getObject(4))));
        },
        definitionId);
    return passed;
  }

  private static Long millis(Object value) {
    return value instanceof Number number ? Math.round(number.doubleValue()) : null;
  }
}
