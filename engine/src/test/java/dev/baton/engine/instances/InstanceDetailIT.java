package dev.baton.engine.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import dev.baton.engine.BatonIT;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The instance page's data and the operator's repairs: edit variables, retry, cancel. */
class InstanceDetailIT extends BatonIT {

  @Test
  void shouldDescribeEndedInstanceFromHistory() {
    // given
    String id = startOrder("detail-" + UUID.randomUUID(), 33);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "COMPLETED".equals(detail(id).getString("instance.state")));

    // when
    JsonPath detail = detail(id);

    // then
    assertThat(detail.getString("xml")).contains("<bpmn:process id=\"order-fulfillment\"");
    assertThat(detail.getList("activities.activityId"))
        .containsSubsequence(
            "orderReceived", "reserveInventory", "chargePayment", "shipOrder", "fulfilled");
    assertThat(detail.getList("activities.state")).containsOnly("COMPLETED");
    assertThat(detail.getList("variables.name")).contains("amount", "paymentId");
    assertThat(detail.getList("variables.editable")).containsOnly(false);
    Map<String, Object> create = detail.getMap("operations.find { it.operationType == 'Create' }");
    assertThat(create).containsEntry("userId", USER);
  }

  @Test
  void shouldShowIncidentWithStacktraceAndRetryIt() {
    // given
    String id = startOrderWithIncident("retry-" + UUID.randomUUID(), "carrier down");

    // when
    JsonPath detail = detail(id);
    String incidentId = detail.getString("incidents[0].id");

    // then
    assertThat(detail.getString("instance.state")).isEqualTo("INCIDENT");
    assertThat(detail.getList("instance.activeActivityIds")).containsExactly("shipOrder");
    assertThat(detail.getString("activities.find { it.activityId == 'shipOrder' }.state"))
        .isEqualTo("ACTIVE");
    asDemo()
        .accept("text/plain")
        .get("/api/incidents/{id}/stacktrace", incidentId)
        .then()
        .statusCode(200)
        .body(containsString("carrier.Ship"));

    // and when retried, the task is back for a worker and the incident is gone
    asDemo().post("/api/incidents/{id}/retry", incidentId).then().statusCode(204);
    assertThat(detail(id).getList("incidents")).isEmpty();
    assertThat(detail(id).getString("instance.state")).isEqualTo("RUNNING");
    asDemo().post("/api/incidents/{id}/retry", incidentId).then().statusCode(404);
  }

  @Test
  void shouldSayOnIncidentRetriesLeftAndWhichWorkerFailedIt() {
    // given
    String id = startOrderWithIncident("facts-" + UUID.randomUUID(), "carrier down");

    // when
    Map<String, Object> incident = detail(id).getMap("incidents[0]");

    // then
    assertThat(incident)
        .containsEntry("activityId", "shipOrder")
        .containsEntry("retriesLeft", 0)
        .containsEntry("workerId", "it-failer")
        .doesNotContainKey("nextAttempt");
  }

  @Test
  void shouldKeepRetriedIncidentAsResolvedInTheHistory() {
    // given
    String id = startOrderWithIncident("resolved-" + UUID.randomUUID(), "carrier down");
    String incidentId = detail(id).getString("incidents[0].id");

    // when
    asDemo().post("/api/incidents/{id}/retry", incidentId).then().statusCode(204);

    // then
    JsonPath detail = detail(id);
    assertThat(detail.getList("incidents")).isEmpty();
    Map<String, Object> resolved = detail.getMap("resolvedIncidents[0]");
    assertThat(detail.getList("resolvedIncidents")).hasSize(1);
    assertThat(resolved)
        .containsEntry("id", incidentId)
        .containsEntry("activityId", "shipOrder")
        .containsEntry("message", "carrier down")
        .containsEntry("state", "RESOLVED");
    assertThat(resolved.get("endTime")).isNotNull();
  }

  @Test
  void shouldNameVariableAndValueInSetVariableEntries() {
    // given
    String id = startOrderWithIncident("logged-" + UUID.randomUUID(), "down");

    // when
    edit(id, "amount", "{\"type\":\"Integer\",\"value\":77}").then().statusCode(204);
    edit(id, "note", "{\"type\":\"String\",\"value\":\"call first\"}").then().statusCode(204);

    // then
    List<Map<String, Object>> sets =
        detail(id).getList("operations.findAll { it.operationType == 'SetVariable' }");
    assertThat(sets)
        .extracting(op -> op.get("property") + "=" + op.get("newValue"))
        .containsExactlyInAnyOrder("amount=77", "note=\"call first\"");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Integer | "abc"         | 'abc' is not an Integer
          Integer | 1.5           | is not an Integer
          Integer | 99999999999   | is not an Integer
          Long    | "12x"         | is not a Long
          Double  | "NaN"         | is not a Double
          Boolean | "yes"         | is not a Boolean
          Json    | "{oops"       | is not valid JSON
          Json    | 5             | is not a JSON object or array
          Date    | "2026-01-01"  | type must be one of
          """)
  void shouldRejectValueOfWrongTypeAndSaveNothing(String type, String value, String message) {
    // given
    String id = startOrderWithIncident("edit-bad-" + UUID.randomUUID(), "down");

    // when
    asDemo()
        .contentType(ContentType.JSON)
        .body("{\"type\":\"" + type + "\",\"value\":" + value + "}")
        .put("/api/instances/{id}/variables/amount", id)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString(message));

    // then
    assertThat(variable(id, "amount")).containsEntry("value", 12).containsEntry("type", "Integer");
  }

  @Test
  void shouldSaveValidValueAndRecordWhoChangedIt() {
    // given
    String id = startOrderWithIncident("edit-ok-" + UUID.randomUUID(), "down");

    // when
    edit(id, "amount", "{\"type\":\"Long\",\"value\":\"77\"}").then().statusCode(204);
    edit(id, "address", "{\"type\":\"Json\",\"value\":{\"city\":\"Oslo\"}}").then().statusCode(204);

    // then
    assertThat(variable(id, "amount")).containsEntry("value", 77).containsEntry("type", "Long");
    assertThat(variable(id, "address"))
        .containsEntry("type", "Json")
        .containsEntry("value", Map.of("city", "Oslo"));
    List<Map<String, Object>> operations = detail(id).getList("operations");
    assertThat(operations)
        .anySatisfy(
            op ->
                assertThat(op)
                    .containsEntry("operationType", "SetVariable")
                    .containsEntry("userId", USER));
  }

  @Test
  void shouldCancelRunningInstanceOnceKeepItsReasonAndRefuseChangesAfterwards() {
    // given
    String id = startOrderWithIncident("cancel-" + UUID.randomUUID(), "down");

    // when
    asDemo()
        .contentType(ContentType.JSON)
        .body("{\"reason\":\"customer withdrew\"}")
        .post("/api/instances/{id}/cancel", id)
        .then()
        .statusCode(204);

    // then
    JsonPath detail = detail(id);
    assertThat(detail.getString("instance.state")).isEqualTo("CANCELED");
    assertThat(detail.getString("instance.cancelReason")).isEqualTo("customer withdrew");
    assertThat(detail.getList("operations.operationType")).contains("Delete");
    asDemo()
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/api/instances/{id}/cancel", id)
        .then()
        .statusCode(409);
    edit(id, "amount", "{\"type\":\"Integer\",\"value\":1}").then().statusCode(409);
    asDemo()
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/api/instances/{id}/cancel", "no-such-instance")
        .then()
        .statusCode(404);
  }

  @Test
  void shouldAnswerNotFoundForUnknownInstance() {
    asDemo()
        .get("/api/instances/{id}/detail", "nope")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  private static io.restassured.response.Response edit(String id, String name, String body) {
    return asDemo()
        .contentType(ContentType.JSON)
        .body(body)
        .put("/api/instances/{id}/variables/{name}", id, name);
  }

  private static JsonPath detail(String id) {
    return asDemo()
        .get("/api/instances/{id}/detail", id)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static Map<String, Object> variable(String id, String name) {
    return detail(id).getMap("variables.find { it.name == '" + name + "' }");
  }
}
