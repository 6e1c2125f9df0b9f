package dev.baton.engine.workers;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface WorkerRecordRepository extends JpaRepository<WorkerRecord, String> {

  /**
   * Adds one node's counts since its last flush; other nodes' additions are kept. Returns 0 when
   * the worker has no row yet.
   */
  @Modifying
  @Query(
      """
      update WorkerRecord w set
        w.topics = :topics,
        w.lastSeen = case when w.lastSeen < :lastSeen then :lastSeen else w.lastSeen end,
        w.remoteAddress = coalesce(:remoteAddress, w.remoteAddress),
        w.longPollMillis = :longPollMillis,
        w.fetched = w.fetched + :fetched,
        w.completed = w.completed + :completed,
        w.failed = w.failed + :failed,
        w.bpmnErrors = w.bpmnErrors + :bpmnErrors
      where w.workerId = :workerId
      """)
  int addActivity(
      @Param("workerId") String workerId,
      @Param("topics") String topics,
      @Param("lastSeen") Instant lastSeen,
      @Param("remoteAddress") String remoteAddress,
      @Param("longPollMillis") long longPollMillis,
      @Param("fetched") long fetched,
      @Param("completed") long completed,
      @Param("failed") long failed,
      @Param("bpmnErrors") long bpmnErrors);
}
