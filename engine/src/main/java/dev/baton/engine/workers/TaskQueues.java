package dev.baton.engine.workers;

import dev.baton.engine.system.EngineTables;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Reads the external-task queues from the engine's {@code ACT_RU_EXT_TASK} table, one grouped query
 * for all topics (or all workers). The engine's query API counts in SQL too, but one filter per
 * query: it would take four counts per topic, plus a query for the topics themselves.
 */
@Component
class TaskQueues {

  /** One topic's queue. */
  record TopicQueue(
      String topic, long open, long locked, long withoutRetries, Instant oldestUnlockedCreated) {}

  private static final String BY_TOPIC =
      """
      select TOPIC_NAME_,
             count(*),
             sum(case when LOCK_EXP_TIME_ > ? then 1 else 0 end),
             sum(case when RETRIES_ = 0 then 1 else 0 end),
             min(case when (LOCK_EXP_TIME_ is null or LOCK_EXP_TIME_ <= ?)
                       and (RETRIES_ is null or RETRIES_ > 0)
                       and SUSPENSION_STATE_ = 1
                      then CREATE_TIME_ end)
      from {ACT_RU_EXT_TASK}
      group by TOPIC_NAME_
      """;

  private static final String LOCKED_BY_WORKER =
      "select WORKER_ID_, count(*) from {ACT_RU_EXT_TASK} where LOCK_EXP_TIME_ > ? group by WORKER_ID_";

  private final EngineTables tables;
  private final Clock clock;

  TaskQueues(EngineTables tables, Clock clock) {
    this.tables = tables;
    this.clock = clock;
  }

  List<TopicQueue> byTopic() {
    Timestamp now = Timestamp.from(clock.instant());
    return tables.query(
        BY_TOPIC,
        (rs, row) -> {
          Timestamp oldest = rs.getTimestamp(5);
          return new TopicQueue(
              rs.getString(1),
              rs.getLong(2),
              rs.getLong(3),
              rs.getLong(4),
              oldest == null ? null : oldest.toInstant());
        },
        now,
        now);
  }

  Map<String, Long> lockedByWorker() {
    Map<String, Long> locked = new HashMap<>();
    tables.query(
        LOCKED_BY_WORKER,
        rs -> {
          locked.put(rs.getString(1), rs.getLong(2));
        },
        Timestamp.from(clock.instant()));
    return locked;
  }
}
