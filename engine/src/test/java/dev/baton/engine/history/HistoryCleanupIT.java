package dev.baton.engine.history;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.engine.BatonIT;
import dev.baton.engine.security.RoleUsers;
import dev.baton.engine.security.Roles;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The history cleanup as the System page shows it: settings, last and next run; admins only. */
class HistoryCleanupIT extends BatonIT {

  @Test
  void shouldShowStrategyTimeToLiveWindowAndNextRunOfTheCleanupJob() {
    // when
    JsonPath cleanup = cleanup();

    // then: what application.yml and the reference diagram configure
    assertThat(cleanup.getBoolean("enabled")).isTrue();
    assertThat(cleanup.getString("strategy")).isEqualTo("removalTimeBased");
    assertThat(cleanup.getString("window.start")).isEqualTo("22:00");
    assertThat(cleanup.getString("window.end")).isEqualTo("06:00");
    assertThat(cleanup.getInt("definitions.find { it.key == 'order-fulfillment' }.days"))
        .isEqualTo(30);
    assertThat(cleanup.getString("definitions.find { it.key == 'order-fulfillment' }.type"))
        .isEqualTo("process");
    // and the next run is the due date of the engine's own cleanup job
    List<String> due =
        asDemo()
            .get("/engine-rest/history/cleanup/jobs")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("dueDate");
    assertThat(due).as(cleanup.prettify()).isNotEmpty().doesNotContainNull();
    assertThat(cleanup.getString("nextRun")).as(cleanup.prettify()).isNotNull();
    Instant earliest =
        due.stream()
            .map(d -> OffsetDateTime.parse(d, CAMUNDA_DATE).toInstant())
            .min(Instant::compareTo)
            .orElseThrow();
    assertThat(Instant.parse(cleanup.getString("nextRun"))).isEqualTo(earliest);
  }

  @Test
  void shouldShowLastRunOnceTheCleanupJobRan() {
    // given a cleanup started now through the engine's own API
    asDemo().post("/engine-rest/history/cleanup?immediatelyDue=true").then().statusCode(200);
    Instant started = Instant.now().minusSeconds(2);

    // when / then
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              JsonPath cleanup = cleanup();
              String at = cleanup.getString("lastRun.at");
              return at != null
                  && !Instant.parse(at).isBefore(started)
                  && cleanup.getBoolean("lastRun.succeeded");
            });
  }

  @Test
  void shouldRefuseOtherRolesAndWorkers() {
    for (String role : List.of(Roles.ANALYST, Roles.OPERATOR)) {
      RoleUsers.as(role)
          .get("/api/system/history-cleanup")
          .then()
          .statusCode(403)
          .contentType("application/problem+json");
    }
    given().get("/api/system/history-cleanup").then().statusCode(401);
  }

  private static JsonPath cleanup() {
    return asDemo().get("/api/system/history-cleanup").then().statusCode(200).extract().jsonPath();
  }

  private static final DateTimeFormatter CAMUNDA_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
}
