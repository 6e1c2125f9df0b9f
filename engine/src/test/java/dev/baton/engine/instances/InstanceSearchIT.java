package dev.baton.engine.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.baton.engine.BatonIT;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The instance list: filters, paging and sorting on the server. */
class InstanceSearchIT extends BatonIT {

  @Test
  void shouldFindByBusinessKeyExactlyAndByPrefix() {
    // given
    String prefix = "search-" + UUID.randomUUID().toString().substring(0, 8);
    String first = startOrder(prefix + "-1", 10);
    String second = startOrder(prefix + "-2", 20);
    startOrder("other-" + prefix, 30);

    // when / then
    assertThat(ids(search("businessKey=" + prefix + "-1"))).containsExactly(first);
    assertThat(ids(search("businessKeyPrefix=" + prefix + "&sort=startTime,asc")))
        .containsExactly(first, second);
    assertThat(ids(search("businessKeyPrefix=" + prefix + "&sort=startTime,desc")))
        .containsExactly(second, first);
  }

  @Test
  void shouldFilterByVariableValueDefinitionAndStartWindow() {
    // given
    String key = "var-" + UUID.randomUUID();
    Instant before = Instant.now().minusSeconds(1);
    String id = startOrder(key, 4242);

    // when / then
    assertThat(ids(search("variableName=orderId&variableValue=" + key))).containsExactly(id);
    assertThat(
            ids(
                search(
                    "variableName=amount&variableValue=4242&definitionKey=order-fulfillment&businessKey="
                        + key)))
        .containsExactly(id);
    assertThat(ids(search("variableName=amount&variableValue=4243&businessKey=" + key))).isEmpty();
    assertThat(ids(search("definitionKey=order-fulfillment-remote&businessKey=" + key))).isEmpty();
    assertThat(ids(search("startedAfter=" + before + "&businessKey=" + key))).containsExactly(id);
    assertThat(ids(search("startedBefore=" + before + "&businessKey=" + key))).isEmpty();
    int version =
        asDemo().get("/api/instances/{id}", id).then().extract().path("definitionVersion");
    assertThat(
            ids(
                search(
                    "definitionKey=order-fulfillment&definitionVersion="
                        + version
                        + "&businessKey="
                        + key)))
        .containsExactly(id);
    assertThat(
            ids(search("definitionKey=order-fulfillment&definitionVersion=999&businessKey=" + key)))
        .isEmpty();
  }

  @Test
  void shouldFilterByStateAndShowIt() {
    // given
    String completedKey = "state-done-" + UUID.randomUUID();
    String done = startOrder(completedKey, 10);
    await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(state(done)));
    String incidentKey = "state-incident-" + UUID.randomUUID();
    String failed = startOrderWithIncident(incidentKey, "carrier down");

    // when / then
    assertThat(ids(search("state=COMPLETED&businessKey=" + completedKey))).containsExactly(done);
    assertThat(ids(search("state=RUNNING&businessKey=" + completedKey))).isEmpty();
    assertThat(ids(search("state=INCIDENT&businessKey=" + incidentKey))).containsExactly(failed);
    assertThat(search("businessKey=" + incidentKey).getString("items[0].state"))
        .isEqualTo("INCIDENT");
    assertThat(search("businessKey=" + completedKey).getString("items[0].state"))
        .isEqualTo("COMPLETED");
    assertThat(search("businessKey=" + completedKey).getLong("items[0].durationMillis"))
        .isNotNegative();
  }

  @Test
  void shouldPageOnServerWithTotal() {
    // given
    String prefix = "page-" + UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < 5; i++) {
      startOrder(prefix + "-" + i, 1);
    }

    // when
    JsonPath first = search("businessKeyPrefix=" + prefix + "&size=2&page=0&sort=startTime,asc");
    JsonPath last = search("businessKeyPrefix=" + prefix + "&size=2&page=2&sort=startTime,asc");

    // then
    assertThat(first.getLong("total")).isEqualTo(5);
    assertThat(first.getList("items")).hasSize(2);
    assertThat(last.getList("items")).hasSize(1);
    assertThat(last.getString("items[0].businessKey")).isEqualTo(prefix + "-4");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          page=-1            | page must be between
          size=0             | size must be between
          size=100000        | size must be between
          page=99999999999   | page
          sort=businessKey   | sort must be
          state=SLEEPING     | state
          startedAfter=today | startedAfter
          """)
  void shouldRejectBadPagingAndFilters(String query, String message) {
    asDemo()
        .get("/api/instances?" + query)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString(message));
  }

  @Test
  void shouldRequireSignIn() {
    io.restassured.RestAssured.given().get("/api/instances").then().statusCode(401);
  }

  private static JsonPath search(String query) {
    return asDemo()
        .get("/api/instances?" + query)
        .then()
        .statusCode(200)
        .body("page", equalTo(query.contains("page=2") ? 2 : 0))
        .extract()
        .jsonPath();
  }

  private static List<String> ids(JsonPath page) {
    return page.getList("items.id");
  }

  private static String state(String id) {
    return asDemo().get("/api/instances/{id}", id).then().extract().path("state");
  }
}
