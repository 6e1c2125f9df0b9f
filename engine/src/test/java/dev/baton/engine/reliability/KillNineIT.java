package dev.baton.engine.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.engine.BatonProcess;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * {@code kill -9} while callers are starting instances: every start that was acknowledged with 201
 * is there after restart, and finishes.
 */
@DisabledIfSystemProperty(
    named = "spring.profiles.active",
    matches = ".*postgres.*",
    disabledReason = "about the H2 file")
class KillNineIT {

  private static final int CALLERS = 6;
  private static final int KILL_AFTER_ACKNOWLEDGED = 500;

  @Test
  void shouldLoseNoAcknowledgedStartWhenKilled() throws Exception {
    // given a node taking starts from several callers at once
    Path data = Files.createTempDirectory("baton-kill-");
    Path log = Path.of("target", "forked", "kill-nine.log");
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicInteger attempted = new AtomicInteger();
    try (BatonProcess node = BatonProcess.start(data, log)) {
      ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
      for (int c = 0; c < CALLERS; c++) {
        callers.submit(() -> keepStarting(node, acknowledged, attempted));
      }

      // when it is killed in the middle of that
      await()
          .atMost(Duration.ofSeconds(120))
          .until(() -> acknowledged.size() >= KILL_AFTER_ACKNOWLEDGED);
      node.kill();
      callers.shutdown();
      assertThat(callers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
    List<String> ids = List.copyOf(acknowledged);

    // then after restart every acknowledged instance exists and completes
    try (BatonProcess restarted = BatonProcess.start(data, log)) {
      Instant restartedAt = Instant.now();
      assertThat(ids)
          .allSatisfy(
              id -> restarted.asDemo().get("/api/instances/{id}", id).then().statusCode(200));
      await()
          .atMost(Duration.ofSeconds(150))
          .pollInterval(Duration.ofSeconds(2))
          .untilAsserted(() -> assertThat(unfinished(restarted, ids)).isZero());
      long restartedToCompleted = Duration.between(restartedAt, Instant.now()).toSeconds();
      System.out.printf(
          "kill -9: %d starts attempted, %d acknowledged, 0 lost, all completed %d s after restart%n",
          attempted.get(), ids.size(), restartedToCompleted);
    }
  }

  private static void keepStarting(
      BatonProcess node, Set<String> acknowledged, AtomicInteger attempted) {
    for (int i = 0; ; i++) {
      try {
        attempted.incrementAndGet();
        String id =
            node.asDemo()
                .contentType(ContentType.JSON)
                .body(
                    Map.of(
                        "businessKey",
                        "kill-" + Thread.currentThread().getId() + "-" + i,
                        "variables",
                        Map.of("amount", 10)))
                .post("/api/processes/order-fulfillment/instances")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        acknowledged.add(id);
      } catch (Throwable connectionGone) {
        return;
      }
    }
  }

  private static long unfinished(BatonProcess node, List<String> ids) {
    long completed =
        node.asDemo()
            .contentType(ContentType.JSON)
            .body(Map.of("processInstanceIds", ids, "finished", true))
            .post("/engine-rest/history/process-instance/count")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getLong("count");
    return ids.size() - completed;
  }
}
