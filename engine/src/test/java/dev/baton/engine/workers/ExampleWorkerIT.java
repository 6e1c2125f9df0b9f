package dev.baton.engine.workers;

import static dev.baton.engine.workers.WorkerFixtures.TOPIC;
import static dev.baton.engine.workers.WorkerFixtures.asDemo;
import static dev.baton.engine.workers.WorkerFixtures.register;
import static dev.baton.engine.workers.WorkerFixtures.startRemoteOrder;
import static dev.baton.engine.workers.WorkerFixtures.uniqueWorkerId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.BatonIT;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The worker kit's example worker, run as its own process from its packaged jar, serves the
 * shipping topic by calling the demo shipping service.
 */
class ExampleWorkerIT extends BatonIT {

  private Process worker;
  private String workerId;
  private Path log;

  @BeforeEach
  void startWorker() throws IOException {
    workerId = uniqueWorkerId("example-shipper");
    String key = register(workerId, List.of(TOPIC));
    Path config = Files.createTempFile("worker-", ".yml");
    Files.writeString(
        config,
        """
        baseUrl: http://localhost:%d/engine-rest
        workerId: %s
        maxTasks: 4
        lockDuration: 30s
        asyncResponseTimeout: 5s
        retries: 2
        retryTimeout: 200ms
        shutdownGrace: 5s
        topics:
          - name: shipping
            http:
              url: /demo/shipping/ship
              timeout: 5s
        """
            .formatted(port, workerId));
    String jar = System.getProperty("baton.it.worker-jar");
    assertThat(jar).as("worker jar (mvn package builds it)").isNotNull();
    assertThat(Path.of(jar)).exists();
    log = Path.of("target", "forked", workerId + ".log");
    Files.createDirectories(log.getParent());
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar,
                "--config",
                config.toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("BATON_WORKER_KEY", key);
    worker = builder.start();
  }

  @AfterEach
  void stopWorker() throws Exception {
    setShipping(true);
    worker.destroy();
    if (!worker.waitFor(20, TimeUnit.SECONDS)) {
      worker.destroyForcibly();
    }
  }

  @Test
  void shouldShipOrdersAndTakeRejectionPath() throws Exception {
    // when
    List<String> shipped = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      shipped.add(
          startRemoteOrder("kit-" + workerId + "-" + i, Map.of("amount", 10 + i, "country", "NO")));
    }
    String rejected =
        startRemoteOrder("kit-rejected-" + workerId, Map.of("amount", 10, "country", "XX"));

    // then
    for (String id : shipped) {
      JsonPath instance = OfficialClientIT.awaitState(id, "COMPLETED");
      assertThat(instance.getString("endActivityId")).isEqualTo("fulfilled");
      assertThat(instance.getString("variables.trackingNumber")).startsWith("TRK-");
      assertThat(shippingEffects(id)).isEqualTo(1);
    }
    JsonPath refused = OfficialClientIT.awaitState(rejected, "COMPLETED");
    assertThat(refused.getString("endActivityId")).isEqualTo("rejected");
    assertThat(refused.getString("variables.shippingRejectionReason")).contains("XX");
    assertThat(worker.isAlive()).as("worker process still running; log in %s", log).isTrue();
    JsonPath registry =
        asDemo().get("/api/workers/{id}", workerId).then().statusCode(200).extract().jsonPath();
    assertThat(registry.getLong("completed")).isGreaterThanOrEqualTo(6);
    assertThat(registry.getLong("bpmnErrors")).isEqualTo(1);
  }

  @Test
  void shouldRetryFailingServiceThenRaiseIncident() {
    // given
    setShipping(false);

    // when
    String id = startRemoteOrder("kit-down-" + workerId, Map.of("amount", 10));

    // then
    JsonPath instance = OfficialClientIT.awaitState(id, "INCIDENT");
    assertThat(instance.getString("incidents[0].activityId")).isEqualTo("shipOrder");
    assertThat(instance.getString("incidents[0].message")).contains("503");
    long failures =
        asDemo()
            .get(
                "/engine-rest/history/external-task-log/count?processInstanceId={id}&failureLog=true",
                id)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getLong("count");
    assertThat(failures).as("retries 2: two failures, then the incident").isEqualTo(2);
    assertThat(
            asDemo()
                .get("/api/workers/{id}", workerId)
                .then()
                .extract()
                .jsonPath()
                .getLong("failed"))
        .isGreaterThanOrEqualTo(2);
  }

  private static long shippingEffects(String instanceId) {
    return asDemo()
        .queryParam("keyPrefix", instanceId + ":")
        .get("/demo/shipping/effects")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("$")
        .size();
  }

  private static void setShipping(boolean available) {
    asDemo()
        .contentType(ContentType.JSON)
        .body(Map.of("available", available))
        .put("/demo/shipping/availability")
        .then()
        .statusCode(204);
  }
}
