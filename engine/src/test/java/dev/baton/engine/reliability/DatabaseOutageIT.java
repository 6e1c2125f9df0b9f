package dev.baton.engine.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.engine.BatonProcess;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * PostgreSQL stopped and started again under load: Baton reports itself DOWN on {@code
 * /actuator/health} while the database is gone, comes back UP by itself, and every order whose
 * start was acknowledged is fulfilled, with one effect per step.
 */
@EnabledIfSystemProperty(
    named = "spring.profiles.active",
    matches = ".*postgres.*",
    disabledReason = "restarts the machine's PostgreSQL: runs in mvn verify -Ppostgres")
class DatabaseOutageIT {

  private static final int CALLERS = 4;
  private static final int BEFORE_OUTAGE = 100;
  private static final int AFTER_OUTAGE = 100;
  private static final Duration OUTAGE = Duration.ofSeconds(20);

  /** spring.datasource.hikari.connection-timeout (5 s) plus the polling and a loaded machine. */
  private static final Duration REPORTED_WITHIN = Duration.ofSeconds(15);

  @Test
  void shouldReportDownWhileDatabaseIsGoneAndLoseNothing() throws Exception {
    // given a node on its own database taking a steady stream of orders
    Instant began = Instant.now();
    Path log = Path.of("target", "forked", "database-outage.log");
    try (ScratchDatabase database = ScratchDatabase.create("outage");
        BatonProcess node = BatonProcess.startOnPostgres(database.url(), log)) {
      OrderLoad load = OrderLoad.start(List.of(node), CALLERS, Integer.MAX_VALUE);
      await()
          .atMost(Duration.ofSeconds(120))
          .until(() -> load.acknowledgedCount() >= BEFORE_OUTAGE);

      // when PostgreSQL goes away for a while
      Response whileDown;
      Duration downToReported;
      Instant stoppedAt;
      try {
        PostgresServer.stop();
        stoppedAt = Instant.now();
        whileDown =
            await()
                .atMost(Duration.ofSeconds(90))
                .until(() -> health(node), r -> r.statusCode() != 200);
        downToReported = Duration.between(stoppedAt, Instant.now());
        Thread.sleep(remaining(stoppedAt).toMillis());
      } finally {
        PostgresServer.start();
      }
      Instant startedAt = Instant.now();

      // then it said so while it lasted, and is healthy again by itself afterwards
      assertThat(whileDown.statusCode()).isEqualTo(503);
      assertThat(whileDown.jsonPath().getString("status")).isEqualTo("DOWN");
      assertThat(downToReported).as("stop to health DOWN").isLessThan(REPORTED_WITHIN);
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> health(node).statusCode() == 200);
      long upAfterSeconds = Duration.between(startedAt, Instant.now()).toSeconds();
      int acknowledgedAtRecovery = load.acknowledgedCount();
      await()
          .atMost(Duration.ofSeconds(120))
          .until(() -> load.acknowledgedCount() >= acknowledgedAtRecovery + AFTER_OUTAGE);
      assertThat(load.stop(60)).isTrue();
      List<String> ids = load.acknowledged();

      // and every acknowledged order is fulfilled, each step with one effect
      assertThat(Orders.known(node, ids)).isEqualTo(ids.size());
      await()
          .atMost(Duration.ofSeconds(180))
          .pollInterval(Duration.ofSeconds(2))
          .untilAsserted(() -> assertThat(Orders.fulfilled(node, ids)).isEqualTo(ids.size()));
      long fulfilledAfterSeconds = Duration.between(startedAt, Instant.now()).toSeconds();
      assertThat(Orders.openIncidents(node)).isZero();
      EffectLedger effects = EffectLedger.read(node);
      assertThat(effects.missing(ids)).isZero();
      assertThat(effects.duplicates()).isZero();
      System.out.printf(
          "PostgreSQL down %d s under load: health 503 DOWN %d ms after the stop, UP %d s after"
              + " the start; %d acknowledged of %d starts (%d refused or failed), 0 lost, all"
              + " fulfilled %d s after the start; 0 duplicates, %d steps ran again; test took %d s%n",
          OUTAGE.toSeconds(),
          downToReported.toMillis(),
          upAfterSeconds,
          ids.size(),
          load.attempted(),
          load.failed(),
          fulfilledAfterSeconds,
          effects.repeated(),
          Duration.between(began, Instant.now()).toSeconds());
    }
  }

  private static Response health(BatonProcess node) {
    return node.anonymous().get("/actuator/health");
  }

  private static Duration remaining(Instant stoppedAt) {
    Duration left = OUTAGE.minus(Duration.between(stoppedAt, Instant.now()));
    return left.isNegative() ? Duration.ZERO : left;
  }
}
