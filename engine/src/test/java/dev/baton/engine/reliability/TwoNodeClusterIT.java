package dev.baton.engine.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.engine.BatonProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Two Baton nodes on one PostgreSQL database, both executing jobs, orders started on both; one node
 * is killed with {@code kill -9} mid-run. The survivor takes over the dead node's jobs once their
 * locks expire, and finishes every order with one effect per step on the demo services, whose
 * ledger is the shared database.
 */
@EnabledIfSystemProperty(
    named = "spring.profiles.active",
    matches = ".*postgres.*",
    disabledReason = "needs PostgreSQL: runs in mvn verify -Ppostgres")
class TwoNodeClusterIT {

  private static final int CALLERS = 6;
  private static final int ORDERS = 2_000;
  private static final int KILL_AFTER_ACKNOWLEDGED = ORDERS / 2;

  /** camunda.bpm.job-execution.lock-time-in-millis in application.yml. */
  private static final Duration LOCK_TIME = Duration.ofSeconds(30);

  private static final String RUNNING_EXECUTIONS = "select count(*) from act_ru_execution";

  @Test
  void shouldFinishEveryOrderOnTheSurvivorWhenOneNodeIsKilled() throws Exception {
    // given two nodes on one fresh database, each with its own name in the job log
    Instant began = Instant.now();
    Path log = Path.of("target", "forked", "cluster.log");
    try (ScratchDatabase database = ScratchDatabase.create("cluster");
        BatonProcess doomed =
            BatonProcess.startOnPostgres(database.url(), log, hostname("node-a"), FULL_JOB_LOG);
        BatonProcess survivor =
            BatonProcess.startOnPostgres(database.url(), log, hostname("node-b"), FULL_JOB_LOG)) {
      OrderLoad load = OrderLoad.start(List.of(doomed, survivor), CALLERS, ORDERS);

      // when one node is killed halfway through the starts, its callers going over to the other
      await()
          .atMost(Duration.ofSeconds(300))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> load.acknowledgedCount() >= KILL_AFTER_ACKNOWLEDGED);
      doomed.kill();
      Instant killedAt = Instant.now();
      int acknowledgedAtKill = load.acknowledgedCount();
      await().atMost(Duration.ofSeconds(300)).until(load::isDone);
      List<String> ids = load.acknowledged();

      // then every acknowledged order is fulfilled on the survivor, and no job is left behind
      assertThat(ids).hasSize(ORDERS);
      assertThat(Orders.known(survivor, ids)).isEqualTo(ORDERS);
      await()
          .atMost(LOCK_TIME.plus(Duration.ofSeconds(180)))
          .pollInterval(Duration.ofSeconds(2))
          .untilAsserted(() -> assertThat(Orders.fulfilled(survivor, ids)).isEqualTo(ORDERS));
      long killToFulfilled = Duration.between(killedAt, Instant.now()).toSeconds();
      await()
          .atMost(LOCK_TIME.plus(Duration.ofSeconds(60)))
          .untilAsserted(() -> assertThat(database.queryForLong(RUNNING_EXECUTIONS)).isZero());
      // no job left but the engine's standing history cleanup job (its window is configured)
      assertThat(
              database.queryForLong(
                  "select count(*) from act_ru_job where handler_type_ <> 'history-cleanup'"))
          .isZero();
      assertThat(Orders.openIncidents(survivor)).isZero();

      // and both nodes executed jobs, with one effect per step across both
      long jobsOnDoomed = successfulJobs(survivor, "node-a");
      long jobsOnSurvivor = successfulJobs(survivor, "node-b");
      assertThat(jobsOnDoomed).isPositive();
      assertThat(jobsOnSurvivor).isPositive();
      EffectLedger effects = EffectLedger.read(survivor);
      assertThat(effects.missing(ids)).isZero();
      assertThat(effects.duplicates()).isZero();
      System.out.printf(
          "two nodes on PostgreSQL, one killed: %d acknowledged of %d starts (%d at the kill),"
              + " 0 lost, all fulfilled %d s after the kill; jobs done by the killed node %d,"
              + " by the survivor %d; %d effects, 0 duplicates, %d steps ran again"
              + " (attempts > 1); test took %d s%n",
          ids.size(),
          load.attempted(),
          acknowledgedAtKill,
          killToFulfilled,
          jobsOnDoomed,
          jobsOnSurvivor,
          effects.total(),
          effects.repeated(),
          Duration.between(began, Instant.now()).toSeconds());
    }
  }

  /** Baton logs only failed jobs by default; this test counts each node's successful ones. */
  private static final String FULL_JOB_LOG = "--baton.engine.history.job-log=all";

  /** Camunda writes this name into each job log entry, so the log tells the nodes apart. */
  private static String hostname(String name) {
    return "--camunda.bpm.generic-properties.properties.hostname=" + name;
  }

  private static long successfulJobs(BatonProcess node, String hostname) {
    return node.asDemo()
        .queryParam("hostname", hostname)
        .queryParam("successLog", true)
        .get("/engine-rest/history/job-log/count")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("count");
  }
}
