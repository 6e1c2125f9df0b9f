package dev.baton.engine.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import dev.baton.engine.BatonIT;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The reference order process end to end over HTTP, against the demo services. */
class OrderFulfillmentIT extends BatonIT {

  @AfterEach
  void shippingBackOn() {
    setAvailable("shipping", true);
  }

  @Test
  void shouldFulfilOrderCallingEachServiceOnce() {
    // given
    String businessKey = uniqueKey();

    // when
    String id = startOrder(businessKey, 120);

    // then
    JsonPath instance = awaitState(id, "COMPLETED");
    assertThat(instance.getString("endActivityId")).isEqualTo("fulfilled");
    assertThat(instance.getString("businessKey")).isEqualTo(businessKey);
    assertThat(instance.getString("definitionKey")).isEqualTo("order-fulfillment");
    assertThat(instance.getMap("variables"))
        .containsKeys("reservationId", "paymentId", "trackingNumber")
        .containsEntry("amount", 120);
    assertThat(effectsWithoutKeys("inventory", id))
        .containsExactly(Map.of("operation", "reserve", "attempts", 1, "status", 200));
    assertThat(effectsWithoutKeys("payment", id))
        .containsExactly(Map.of("operation", "charge", "attempts", 1, "status", 200));
    assertThat(effectsWithoutKeys("shipping", id))
        .containsExactly(Map.of("operation", "ship", "attempts", 1, "status", 200));
  }

  @Test
  void shouldRejectDeclinedPaymentAndReleaseInventory() {
    // given an amount over the demo payment service's limit
    String id = startOrder(uniqueKey(), 20_000);

    // when / then
    JsonPath instance = awaitState(id, "COMPLETED");
    assertThat(instance.getString("endActivityId")).isEqualTo("rejected");
    assertThat(instance.getString("variables.declineReason")).contains("declined");
    assertThat(instance.getMap("variables")).doesNotContainKeys("paymentId", "trackingNumber");
    assertThat(effectsWithoutKeys("inventory", id))
        .extracting(effect -> effect.get("operation"))
        .containsExactly("reserve", "release");
    assertThat(effectsWithoutKeys("payment", id))
        .containsExactly(Map.of("operation", "charge", "attempts", 1, "status", 422));
    assertThat(effectsWithoutKeys("shipping", id)).isEmpty();
  }

  @Test
  void shouldRaiseIncidentWhenShippingIsDownAndCompleteAfterRetry() {
    // given
    setAvailable("shipping", false);
    String id = startOrder(uniqueKey(), 75);

    // when every attempt of the retry cycle (R3/PT5S) fails
    JsonPath incident = awaitState(id, "INCIDENT", Duration.ofSeconds(60));

    // then the completed steps stay done and the incident says why
    assertThat(incident.getList("activeActivityIds")).containsExactly("shipOrder");
    assertThat(incident.getString("incidents[0].activityId")).isEqualTo("shipOrder");
    assertThat(incident.getString("incidents[0].message")).contains("HTTP 503");
    assertThat(incident.getMap("variables")).containsKeys("reservationId", "paymentId");
    assertThat(effectsWithoutKeys("shipping", id)).isEmpty();

    // and when the service recovers and an operator retries the failed job
    setAvailable("shipping", true);
    String jobId =
        asDemo()
            .get("/engine-rest/job?processInstanceId={id}&withException=true", id)
            .then()
            .statusCode(200)
            .body("retries", contains(0))
            .extract()
            .path("[0].id");
    asDemo()
        .contentType(ContentType.JSON)
        .body(Map.of("retries", 1))
        .put("/engine-rest/job/{jobId}/retries", jobId)
        .then()
        .statusCode(204);

    // then
    JsonPath completed = awaitState(id, "COMPLETED");
    assertThat(completed.getString("endActivityId")).isEqualTo("fulfilled");
    assertThat(completed.getList("incidents")).isEmpty();
    assertThat(effectsWithoutKeys("shipping", id))
        .containsExactly(Map.of("operation", "ship", "attempts", 1, "status", 200));
    assertThat(effectsWithoutKeys("payment", id)).hasSize(1);
  }

  @Test
  void shouldListDefinitionWithRunningAndIncidentCounts() {
    asDemo()
        .get("/api/definitions")
        .then()
        .statusCode(200)
        .body("key", hasItem("order-fulfillment"))
        .body("find { it.key == 'order-fulfillment' }.version", notNullValue())
        .body("find { it.key == 'order-fulfillment' }.runningInstances", notNullValue())
        .body("find { it.key == 'order-fulfillment' }.incidents", notNullValue());
  }

  @Test
  void shouldDescribeThisNode() {
    asDemo()
        .get("/api/system")
        .then()
        .statusCode(200)
        .body("engineVersion", equalTo("7.24.0"))
        .body("user", equalTo(USER))
        .body("database", notNullValue());
  }

  @Test
  void shouldReadRunningInstanceWithItsActiveStep() {
    // given shipping is down, so the instance stays at shipOrder
    setAvailable("shipping", false);
    String id = startOrder(uniqueKey(), 10);

    // when / then
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                asDemo()
                    .get("/api/instances/{id}", id)
                    .then()
                    .statusCode(200)
                    .body("state", equalTo("RUNNING"))
                    .body("activeActivityIds", contains("shipOrder"))
                    .body("incidents", empty())
                    .body("definitionVersion", notNullValue())
                    .body("variables.paymentId", containsString("pay-")));
  }

  private static JsonPath awaitState(String id, String state) {
    return awaitState(id, state, Duration.ofSeconds(30));
  }

  private static JsonPath awaitState(String id, String state, Duration timeout) {
    return await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                asDemo().get("/api/instances/{id}", id).then().statusCode(200).extract().jsonPath(),
            json -> state.equals(json.getString("state")));
  }

  /** The instance's effects on a demo service, without their keys (those are per execution). */
  private static List<Map<String, Object>> effectsWithoutKeys(String service, String instanceId) {
    List<Map<String, Object>> effects = effects(service, instanceId);
    effects.forEach(effect -> effect.remove("idempotencyKey"));
    return effects;
  }

  private static String uniqueKey() {
    return "order-" + UUID.randomUUID();
  }
}
