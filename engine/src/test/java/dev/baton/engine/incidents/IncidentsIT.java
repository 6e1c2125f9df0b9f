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
  void shouldRetryManyAsOneBatchAndNeverTwice() {
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
    JsonPath started =
        asDemo()
            .contentType(ContentType.JSON)
            .body(Map.of("incidentIds", request))
            .post("/api/incidents/retry")
            .then()
            .statusCode(202)
            .header("Location", org.hamcrest.Matchers.containsString("/api/batches/"))
            .extract()
            .jsonPath();
    JsonPath batch = awaitBatch(started.getString("batchId"));

    // then each open incident was retried once, as one operation by the operator
    assertThat(started.getInt("total")).isEqualTo(3);
    assertThat(batch.getString("type")).isEqualTo("retry");
    assertThat(batch.getString("state")).isEqualTo("COMPLETED");
    assertThat(batch.getLong("done")).isEqualTo(3);
    assertThat(batch.getLong("failed")).isZero();
    assertThat(batch.getString("startedBy")).isEqualTo(USER);
    assertThat(list("message=" + marker).getLong("total")).isZero();
    assertThat(instances).allSatisfy(instance -> assertThat(incidentsOf(instance)).isEmpty());
  }

  @Test
  void shouldRetryAllIncidentsMatchingTheFilter() {
    // given two incidents with a message of their own
    String marker = UUID.randomUUID().toString();
    startOrderWithIncident("filtered-1-" + marker, "filtered " + marker);
    startOrderWithIncident("filtered-2-" + marker, "filtered " + marker);

    // when all incidents matching the message are retried
    JsonPath started =
        asDemo()
            .contentType(ContentType.JSON)
            .body(Map.of("filter", Map.of("message", marker)))
            .post("/api/incidents/retry")
            .then()
            .statusCode(202)
            .extract()
            .jsonPath();
    JsonPath batch = awaitBatch(started.getString("batchId"));

    // then both were retried, and none is open any more
    assertThat(started.getInt("total")).isEqualTo(2);
    assertThat(batch.getLong("done")).isEqualTo(2);
    assertThat(list("message=" + marker).getLong("total")).isZero();
  }

  @Test
  void shouldRejectEmptyRetryAndUnknownBatch() {
    asDemo()
        .contentType(ContentType.JSON)
        .body("{\"incidentIds\":[]}")
        .post("/api/incidents/retry")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    asDemo()
        .contentType(ContentType.JSON)
        .body("{\"incidentIds\":[\"no-such-incident\"]}")
        .post("/api/incidents/retry")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    asDemo()
        .get("/api/batches/{id}", "nope")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  private static JsonPath awaitBatch(String batchId) {
    return await()
        .atMost(Duration.ofSeconds(30))
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

  private static JsonPath list(String query) {
    return asDemo().get("/api/incidents?" + query).then().statusCode(200).extract().jsonPath();
  }
}
