package dev.baton.engine.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.engine.BatonIT;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The dashboard counts what happened. */
class DashboardIT extends BatonIT {

  @Test
  void shouldCountStartedCompletedRunningAndIncidents() {
    // given
    JsonPath before = dashboard();
    String done = startOrder("dash-" + UUID.randomUUID(), 5);
    startOrderWithIncident("dash-incident-" + UUID.randomUUID(), "down");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                "COMPLETED"
                    .equals(
                        asDemo().get("/api/instances/{id}", done).then().extract().path("state")));

    // when
    JsonPath after = dashboard();

    // then
    assertThat(after.getLong("startedLastHour"))
        .isGreaterThanOrEqualTo(before.getLong("startedLastHour") + 2);
    assertThat(after.getLong("completedLastHour"))
        .isGreaterThanOrEqualTo(before.getLong("completedLastHour") + 1);
    assertThat(after.getLong("openIncidents"))
        .isGreaterThanOrEqualTo(before.getLong("openIncidents") + 1);
    assertThat(after.getLong("running")).isGreaterThanOrEqualTo(1);
    List<Integer> perHour = after.getList("completionsPerHour.completed");
    assertThat(perHour).hasSize(24);
    assertThat(perHour.get(23)).isGreaterThanOrEqualTo(1);
    assertThat(after.getList("definitions.key"))
        .contains("order-fulfillment", "order-fulfillment-remote");
  }

  @Test
  void shouldDescribeApiWithOpenApiForSignedInUsersOnly() {
    io.restassured.RestAssured.given().get("/v3/api-docs").then().statusCode(401);
    String docs = asDemo().get("/v3/api-docs").then().statusCode(200).extract().asString();
    assertThat(docs)
        .contains("/api/instances/{id}/detail")
        .contains("/api/incidents/retry")
        .doesNotContain("/demo/");
    asDemo().get("/swagger-ui/index.html").then().statusCode(404);
  }

  private static JsonPath dashboard() {
    return asDemo().get("/api/dashboard").then().statusCode(200).extract().jsonPath();
  }
}
