package dev.baton.engine.definitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.engine.BatonIT;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Definition pages: XML for the diagram, counts per activity for overlays and the heatmap. */
class DefinitionStatisticsIT extends BatonIT {

  @Test
  void shouldCountPassedActivitiesWithDurationPercentiles() {
    // given two completed orders
    String a = startOrder("stats-" + UUID.randomUUID(), 5);
    String b = startOrder("stats-" + UUID.randomUUID(), 6);
    await().atMost(Duration.ofSeconds(30)).until(() -> completed(a) && completed(b));
    String definitionId =
        asDemo().get("/api/instances/{id}", a).then().extract().path("definitionId");

    // when
    JsonPath statistics =
        asDemo()
            .get("/api/definitions/{id}/statistics", definitionId)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    // then
    Map<String, Object> charge =
        statistics.getMap("activities.find { it.activityId == 'chargePayment' }");
    assertThat(((Number) charge.get("passed")).longValue()).isGreaterThanOrEqualTo(2);
    assertThat(charge.get("p50Millis")).isNotNull();
    assertThat(((Number) charge.get("p95Millis")).longValue())
        .isGreaterThanOrEqualTo(((Number) charge.get("p50Millis")).longValue());
  }

  @Test
  void shouldCountInstancesWaitingAndIncidentsPerActivity() {
    // given
    startOrderWithIncident("stats-incident-" + UUID.randomUUID(), "down");
    String definitionId =
        asDemo()
            .get("/api/definitions")
            .then()
            .extract()
            .path("find { it.key == 'order-fulfillment-remote' }.id");

    // when
    JsonPath statistics =
        asDemo()
            .get("/api/definitions/{id}/statistics", definitionId)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    // then
    Map<String, Object> ship =
        statistics.getMap("activities.find { it.activityId == 'shipOrder' }");
    assertThat(((Number) ship.get("running")).longValue()).isGreaterThanOrEqualTo(1);
    assertThat(((Number) ship.get("incidents")).longValue()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void shouldServeXmlAndDetailAndRefuseUnknownIds() {
    String definitionId =
        asDemo()
            .get("/api/definitions")
            .then()
            .extract()
            .path("find { it.key == 'order-fulfillment' }.id");

    String xml =
        asDemo()
            .accept("application/xml")
            .get("/api/definitions/{id}/xml", definitionId)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(xml).contains("bpmndi:BPMNDiagram");
    asDemo()
        .get("/api/definitions/{id}", definitionId)
        .then()
        .statusCode(200)
        .extract()
        .path("deploymentId");
    asDemo().get("/api/definitions/{id}/statistics", "nope:1:1").then().statusCode(404);
    asDemo()
        .accept("application/xml")
        .get("/api/definitions/{id}/xml", "nope:1:1")
        .then()
        .statusCode(404);
  }

  private static boolean completed(String id) {
    return "COMPLETED"
        .equals(asDemo().get("/api/instances/{id}", id).then().extract().path("state"));
  }
}
