package dev.baton.engine.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.engine.BatonIT;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The demo payment service answers 503 for a while: every order's payment step is tried three times
 * (R3/PT5S) and then raises an incident; once payment is back, one bulk retry from the console's
 * API fulfils all of them, each charged exactly once.
 */
class PaymentOutageIT extends BatonIT {

  private static final int ORDERS = 60;

  @AfterEach
  void servicesBackOn() {
    EffectLedger.STEPS.keySet().forEach(service -> setAvailable(service, true));
  }

  @Test
  void shouldRaiseIncidentsDuringOutageAndFulfilAllAfterOneBulkRetry() {
    // given payment is down while orders come in
    Instant began = Instant.now();
    EffectLedger.STEPS.keySet().forEach(service -> setAvailable(service, true));
    setAvailable("payment", false);
    String marker = "outage-" + UUID.randomUUID();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < ORDERS; i++) {
      ids.add(startOrder(marker + "-" + i, 10));
    }

    // when every payment attempt of the retry cycle fails
    List<Map<String, Object>> incidents =
        await()
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> paymentIncidents(Set.copyOf(ids)), list -> list.size() == ORDERS);
    long outageToIncidents = Duration.between(began, Instant.now()).toSeconds();

    // then each order has an incident at the payment step after three attempts, and no charge
    assertThat(incidents)
        .allSatisfy(incident -> assertThat((String) incident.get("message")).contains("HTTP 503"));
    assertThat(ids).allSatisfy(id -> assertThat(failedAttempts(id)).isEqualTo(3));
    assertThat(ids).allSatisfy(id -> assertThat(effects("payment", id)).isEmpty());
    assertThat(ids).allSatisfy(id -> assertThat(effects("inventory", id)).hasSize(1));

    // and when payment is back and an operator retries them all at once
    setAvailable("payment", true);
    Instant retriedAt = Instant.now();
    JsonPath batch = retryAll(incidents.stream().map(i -> (String) i.get("id")).toList());

    // then the batch retried every one, and every order is fulfilled, charged exactly once
    assertThat(batch.getInt("total")).isEqualTo(ORDERS);
    assertThat(batch.getLong("done")).isEqualTo(ORDERS);
    assertThat(batch.getLong("failed")).isZero();
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(() -> assertThat(fulfilled(ids)).isEqualTo(ORDERS));
    long retryToFulfilled = Duration.between(retriedAt, Instant.now()).toSeconds();
    assertThat(ids)
        .allSatisfy(
            id -> {
              JsonPath instance =
                  asDemo()
                      .get("/api/instances/{id}", id)
                      .then()
                      .statusCode(200)
                      .extract()
                      .jsonPath();
              assertThat(instance.getString("state")).isEqualTo("COMPLETED");
              assertThat(instance.getString("endActivityId")).isEqualTo("fulfilled");
              assertThat(instance.getList("incidents")).isEmpty();
              List<Map<String, Object>> charges = effects("payment", id);
              assertThat(charges).hasSize(1);
              assertThat(charges.get(0))
                  .containsEntry("operation", "charge")
                  .containsEntry("status", 200)
                  .containsEntry("attempts", 1);
              assertThat((String) charges.get(0).get("idempotencyKey")).startsWith(id + ":");
              assertThat(effects("shipping", id)).hasSize(1);
            });
    System.out.printf(
        "payment outage: %d orders, %d incidents after 3 attempts each (%d s), one bulk retry:"
            + " %d retried, all %d fulfilled %d s later, one charge each; test took %d s%n",
        ORDERS,
        incidents.size(),
        outageToIncidents,
        batch.getLong("done"),
        ORDERS,
        retryToFulfilled,
        Duration.between(began, Instant.now()).toSeconds());
  }

  /** The open incidents at the payment step, as the console's incident list shows them. */
  private static List<Map<String, Object>> paymentIncidents(Set<String> ids) {
    List<Map<String, Object>> items =
        asDemo()
            .get("/api/incidents?definitionKey=order-fulfillment&activityId=chargePayment&size=500")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items");
    return items.stream().filter(item -> ids.contains(item.get("processInstanceId"))).toList();
  }

  /** Starts one bulk retry and waits for it to finish. */
  private static JsonPath retryAll(List<String> incidentIds) {
    String batchId =
        asDemo()
            .contentType(ContentType.JSON)
            .body(Map.of("incidentIds", incidentIds))
            .post("/api/incidents/retry")
            .then()
            .statusCode(202)
            .extract()
            .path("batchId");
    return await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                asDemo()
                    .get("/api/batches/{id}", batchId)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath(),
            json -> !"RUNNING".equals(json.getString("state")));
  }

  private static long failedAttempts(String instanceId) {
    return asDemo()
        .queryParam("processInstanceId", instanceId)
        .queryParam("activityIdIn", "chargePayment")
        .queryParam("failureLog", true)
        .get("/engine-rest/history/job-log/count")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("count");
  }

  private static long fulfilled(List<String> ids) {
    return asDemo()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "processInstanceIds",
                ids,
                "finished",
                true,
                "executedActivityIdIn",
                List.of("fulfilled")))
        .post("/engine-rest/history/process-instance/count")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("count");
  }
}
