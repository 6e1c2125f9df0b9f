package dev.baton.engine.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.engine.BatonProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * {@code kill -9} while callers are starting orders and 2,000 of them are in flight: after a
 * restart on the same H2 file every acknowledged start is there and completes, and each step had
 * its effect on the demo services exactly once, even the steps that ran again.
 */
@DisabledIfSystemProperty(
    named = "spring.profiles.active",
    matches = ".*postgres.*",
    disabledReason = "about the H2 file")
class KillNineIT {

  private static final int CALLERS = 6;
  private static final int KILL_AFTER_ACKNOWLEDGED = 2_000;

  @Test
  void shouldCompleteEveryAcknowledgedOrderWithOneEffectPerStepAfterKill() throws Exception {
    // given a node taking starts from several callers while its job executor works through them
    Instant began = Instant.now();
    Path data = Files.createTempDirectory("baton-kill-");
    Path log = Path.of("target", "forked", "kill-nine.log");
    List<String> ids;
    int attempted;
    Instant killedAt;
    try (BatonProcess node = BatonProcess.start(data, log)) {
      OrderLoad load = OrderLoad.start(List.of(node), CALLERS, Integer.MAX_VALUE);

      // when it is killed with 2,000 acknowledged and starts still coming in
      await()
          .atMost(Duration.ofSeconds(240))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> load.acknowledgedCount() >= KILL_AFTER_ACKNOWLEDGED);
      node.kill();
      killedAt = Instant.now();
      assertThat(load.stop(30)).isTrue();
      ids = load.acknowledged();
      attempted = load.attempted();
    }

    // then after a restart on the same file every acknowledged order is there and is fulfilled
    try (BatonProcess restarted = BatonProcess.start(data, log)) {
      Instant restartedAt = Instant.now();
      assertThat(Orders.known(restarted, ids)).isEqualTo(ids.size());
      long finishedAtKill = Orders.finishedBefore(restarted, ids, killedAt);
      assertThat(ids.size() - finishedAtKill).as("in flight when killed").isGreaterThan(500);
      await()
          .atMost(Duration.ofSeconds(240))
          .pollInterval(Duration.ofSeconds(2))
          .untilAsserted(() -> assertThat(Orders.fulfilled(restarted, ids)).isEqualTo(ids.size()));
      long recoverySeconds = Duration.between(restartedAt, Instant.now()).toSeconds();
      assertThat(Orders.openIncidents(restarted)).isZero();

      // and each step of each order had exactly one effect on its service
      EffectLedger effects = EffectLedger.read(restarted);
      assertThat(effects.missing(ids)).isZero();
      assertThat(effects.duplicates()).isZero();
      System.out.printf(
          "kill -9 (H2 file): %d acknowledged of %d starts, %d finished and %d in flight at the kill;"
              + " 0 lost, all fulfilled %d s after restart; %d effects, 0 duplicates, %d steps ran"
              + " again (attempts > 1); test took %d s%n",
          ids.size(),
          attempted,
          finishedAtKill,
          ids.size() - finishedAtKill,
          recoverySeconds,
          effects.total(),
          effects.repeated(),
          Duration.between(began, Instant.now()).toSeconds());
    }
  }
}
