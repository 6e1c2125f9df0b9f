package dev.baton.engine.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.engine.BatonIT;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Open incidents across definitions, and bulk retry with progress and a result per incident. */
class IncidentsIT extends BatonIT {

  @Test
  void shouldListIncidentsFilteredByDefinitionActivityAndMessage() {
    // given
    String marker = UUID.randomUUID().toString();
    String id = startOrderWithIncident("inc-" + marker, "carrier " + marker + " down");

    // when
    JsonPath page =
        list("definitionKey=order-fulfillment-remote&activityId=shipOrder&message=" + marker);

    // then
    assertThat(page.getLong("total")).isEqualTo(1);
    assertThat(page.getString("items[0].processInstanceId")).isEqualTo(id);
    assertThat(page.getString("items[0].businessKey")).isEqualTo("inc-" + marker);
    assertThat(page.getString("items[0].definitionKey")).isEqualTo("order-fulfillment-remote");
    assertThat(page.getString("items[0].type")).isEqualTo("failedExternalTask");
    assertThat(list("definitionKey=order-fulfillment&message=" + marker).getLong("total")).isZero();
    assertThat(list("activityId=chargePayment&message=" + marker).getLong("total")).isZero();
  }

  @Test
  void shouldMatchLikeWildcardsInTheMessageLiterally() {
    // given one incident whose message holds "50%_off" and one that the unescaped pattern matches
    String marker = UUID.randomUUID().toString();
    String literal = startOrderWithIncident("lit-" + marker, "coupon " + marker + " 50%_off");
    startOrderWithIncident("wild-" + marker, "coupon " + marker + " 50XYoff");

    // when
    JsonPath page =
        asDemo()
            .queryParam("message", marker + " 50%_off")
            .get("/api/incidents")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    // then
    assertThat(page.getLong("total")).isEqualTo(1);
    assertThat(page.getString("items[0].processInstanceId")).isEqualTo(literal);
  }

  @Test
  void shouldRetryManyWithProgressAndNeverTwice() {
    // given three incidents, one of them named twice, and one id that is no incident
    String marker = UUID.randomUUID().toString();
    List<String> instances = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      instances.add(startOrderWithIncident("bulk-" + i + "-" + marker, "bulk " + marker));
    }
    List<String> incidentIds = list("message=" + marker).getList("items.id");
    assertThat(incidentIds).hasSize(3);
    List<String> request = new ArrayList<>(incidentIds);
    request.add(incidentIds.get(0));
    request.add("no-such-incident");

    // when
    String batchId =
        asDemo()
            .contentType(ContentType.JSON)
            .body(Map.of("incidentIds", request))
            .post("/api/incidents/retry")
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    JsonPath batch =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    asDemo()
                        .get("/api/incidents/retry/{id}", batchId)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath(),
                json -> json.getBoolean("finished"));

    // then
    assertThat(batch.getInt("total")).isEqualTo(4);
    assertThat(batch.getInt("done")).isEqualTo(4);
    assertThat(batch.getLong("succeeded")).isEqualTo(3);
    assertThat(batch.getString("items.find { it.incidentId == 'no-such-incident' }.status"))
        .isEqualTo("SKIPPED");
    assertThat(list("message=" + marker).getLong("total")).isZero();
    assertThat(batch.getList("items.incidentId", String.class))
        .containsExactlyInAnyOrderElementsOf(
            List.of(
                incidentIds.get(0), incidentIds.get(1), incidentIds.get(2), "no-such-incident"));
    // each instance's task had its retries set once, by the operator, the doubled one included
    assertThat(instances)
        .allSatisfy(
            instance ->
                assertThat(retriesSet(instance))
                    .singleElement()
                    .satisfies(op -> assertThat(op).containsEntry("userId", USER)));
  }

  @Test
  void shouldRejectEmptyRetryAndUnknownBatch() {
    asDemo()
        .contentType(ContentType.JSON)
        .body("{\"incidentIds\":[]}")
        .post("/api/incidents/retry")
        .then()
        .statusCode(400);
    asDemo()
        .get("/api/incidents/retry/{id}", "nope")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  private static List<Map<String, Object>> retriesSet(String instanceId) {
    return asDemo()
        .get(
            "/engine-rest/history/user-operation?processInstanceId={id}&operationType=SetExternalTaskRetries",
            instanceId)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("$");
  }

  private static JsonPath list(String query) {
    return asDemo().get("/api/incidents?" + query).then().statusCode(200).extract().jsonPath();
  }
}
