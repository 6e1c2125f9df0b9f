package dev.baton.engine.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.engine.BatonIT;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The history Baton keeps: everything the console shows (activities, variables, failed attempts)
 * but not the job log's routine rows or per-change variable details.
 */
class LeanHistoryIT extends BatonIT {

  @Test
  void shouldKeepActivitiesAndVariablesButNoRoutineJobLog() {
    // given / when an order runs through
    String id = startOrder("lean-1", 30);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "COMPLETED".equals(asDemo().get("/api/instances/{id}", id).path("state")));

    // then the console's history is there
    JsonPath activities =
        asDemo()
            .get("/engine-rest/history/activity-instance?processInstanceId={id}", id)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(activities.getList("activityId"))
        .contains("orderReceived", "reserveInventory", "chargePayment", "shipOrder", "fulfilled");
    assertThat(
            asDemo()
                .get("/engine-rest/history/variable-instance?processInstanceId={id}", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("name"))
        .contains("orderId", "amount", "paymentId", "trackingNumber");
    // and the rows nobody reads are not
    assertThat(jobLog(id)).isEmpty();
    assertThat(
            asDemo()
                .get("/engine-rest/history/detail?processInstanceId={id}", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("id"))
        .isEmpty();
    // and the ids are Baton's ordered ones
    assertThat(id).matches("[0-9a-f]{16}-[0-9a-f]{16}");
    List<String> ids = activities.getList("id");
    assertThat(ids).allMatch(i -> i.matches("\\w+:[0-9a-f]{16}-[0-9a-f]{16}"));
  }

  @Test
  void shouldKeepFailedAttemptsInTheJobLog() {
    // given the shipping service is down
    setShipping(false);
    try {
      // when an order reaches shipping and its first attempt fails
      String id = startOrder("lean-2", 30);
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(jobLog(id))
                      .anySatisfy(
                          entry -> {
                            assertThat(entry).containsEntry("activityId", "shipOrder");
                            assertThat(entry).containsEntry("failureLog", true);
                            assertThat((String) entry.get("jobExceptionMessage")).isNotBlank();
                          }));

      // then only failures are logged
      assertThat(jobLog(id))
          .allSatisfy(entry -> assertThat(entry).containsEntry("failureLog", true));
    } finally {
      setShipping(true);
    }
  }

  @Test
  void shouldKeepOnlyWorkersFailuresInTheExternalTaskLog() {
    // given / when a worker fetches a remote order's shipping task and reports a failure
    String id = startOrderWithIncident("lean-3", "carrier unreachable");

    // then the external-task log holds that failure, with its message, and not the task's creation
    List<Map<String, Object>> log =
        asDemo()
            .get("/engine-rest/history/external-task-log?processInstanceId={id}", id)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("$");
    assertThat(log)
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry).containsEntry("failureLog", true);
              assertThat(entry).containsEntry("activityId", "shipOrder");
              assertThat(entry).containsEntry("errorMessage", "carrier unreachable");
            });
  }

  private static List<Map<String, Object>> jobLog(String id) {
    return asDemo()
        .get("/engine-rest/history/job-log?processInstanceId={id}", id)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("$");
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
