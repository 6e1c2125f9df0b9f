package dev.baton.engine.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.engine.BatonProcess;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A batch started on one node of a cluster is read on the other with the same progress: nothing
 * about it lives in a node's memory (the in-memory bulk retry it replaced answered 404 there).
 */
@EnabledIfSystemProperty(
    named = "spring.profiles.active",
    matches = ".*postgres.*",
    disabledReason = "needs PostgreSQL: runs in mvn verify -Ppostgres")
class TwoNodeBatchesIT {

  private static final int ORDERS = 40;

  @Test
  void shouldReadABatchStartedOnNodeAWithTheSameProgressOnNodeB() throws Exception {
    // given two nodes on one fresh database, and 40 orders waiting for a shipping worker
    Path log = Path.of("target", "forked", "cluster-batches.log");
    try (ScratchDatabase database = ScratchDatabase.create("batches");
        BatonProcess nodeA = BatonProcess.startOnPostgres(database.url(), log);
        BatonProcess nodeB = BatonProcess.startOnPostgres(database.url(), log)) {
      for (int i = 0; i < ORDERS; i++) {
        nodeA
            .asDemo()
            .contentType(ContentType.JSON)
            .body(Map.of("businessKey", "cluster-batch-" + i, "variables", Map.of("amount", 5)))
            .post("/api/processes/order-fulfillment-remote/instances")
            .then()
            .statusCode(201);
      }

      // when node A starts canceling all of them
      String batchId =
          nodeA
              .asDemo()
              .contentType(ContentType.JSON)
              .body(
                  Map.of(
                      "filter",
                      Map.of("businessKeyPrefix", "cluster-batch-", "state", "RUNNING"),
                      "reason",
                      "cluster test"))
              .post("/api/instances/batch/cancel")
              .then()
              .statusCode(202)
              .extract()
              .path("batchId");

      // then node B knows it at once, and both read the same progress to the end
      assertThat(batch(nodeB, batchId).getString("startedBy")).isEqualTo("demo");
      JsonPath onB =
          await()
              .atMost(Duration.ofSeconds(120))
              .until(
                  () -> batch(nodeB, batchId), json -> "COMPLETED".equals(json.getString("state")));
      JsonPath onA = batch(nodeA, batchId);
      assertThat(onB.getLong("total")).isEqualTo(ORDERS);
      assertThat(onB.getLong("done")).isEqualTo(ORDERS);
      assertThat(onA.getMap("$")).isEqualTo(onB.getMap("$"));
      assertThat(
              nodeB
                  .asDemo()
                  .get("/api/batches")
                  .then()
                  .statusCode(200)
                  .extract()
                  .jsonPath()
                  .getList("items.id", String.class))
          .contains(batchId);
      assertThat(
              nodeB
                  .asDemo()
                  .get("/api/instances?businessKeyPrefix=cluster-batch-&state=CANCELED&size=1")
                  .then()
                  .extract()
                  .jsonPath()
                  .getLong("total"))
          .isEqualTo(ORDERS);
    }
  }

  private static JsonPath batch(BatonProcess node, String batchId) {
    return node.asDemo()
        .get("/api/batches/{id}", batchId)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }
}
