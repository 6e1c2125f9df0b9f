package dev.baton.engine.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.engine.BatonProcess;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/** Running instances survive a restart on the same H2 file and then finish. */
@DisabledIfSystemProperty(
    named = "spring.profiles.active",
    matches = ".*postgres.*",
    disabledReason = "about the H2 file")
class RestartIT {

  @Test
  void shouldFinishInstancesStartedBeforeRestart() throws Exception {
    // given instances started on a node whose job executor is off, so they wait at their first step
    Path data = Files.createTempDirectory("baton-restart-");
    Path log = Path.of("target", "forked", "restart.log");
    List<String> ids = new ArrayList<>();
    try (BatonProcess first =
        BatonProcess.start(data, log, "--camunda.bpm.job-execution.enabled=false")) {
      for (int i = 0; i < 20; i++) {
        ids.add(start(first, "restart-" + i));
      }
      assertThat(ids).allSatisfy(id -> assertThat(state(first, id)).isEqualTo("RUNNING"));

      // when the node stops and a new one starts on the same file
      first.stop();
    }
    try (BatonProcess second = BatonProcess.start(data, log)) {

      // then every instance is still known and completes
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(ids)
                      .allSatisfy(id -> assertThat(state(second, id)).isEqualTo("COMPLETED")));
    }
  }

  private static String start(BatonProcess baton, String businessKey) {
    return baton
        .asDemo()
        .contentType(ContentType.JSON)
        .body(Map.of("businessKey", businessKey, "variables", Map.of("amount", 50)))
        .post("/api/processes/order-fulfillment/instances")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static String state(BatonProcess baton, String id) {
    return baton
        .asDemo()
        .get("/api/instances/{id}", id)
        .then()
        .statusCode(200)
        .extract()
        .path("state");
  }
}
