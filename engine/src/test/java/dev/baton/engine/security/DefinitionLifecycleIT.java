package dev.baton.engine.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import dev.baton.engine.BatonIT;
import dev.baton.engine.TimerProcess;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bounded work: a timer start event firing every second is stopped by suspending its definition
 * (operators, administrators) or deleting its deployment (administrators), also while it fires;
 * weaker roles are refused and change nothing.
 */
class DefinitionLifecycleIT extends BatonIT {

  private static final Duration FIRST_INSTANCES = Duration.ofSeconds(30);

  /** Long enough for a timer of one second to fire several times. */
  private static final Duration QUIET = Duration.ofSeconds(3);

  private final List<TimerProcess> deployed = new ArrayList<>();

  @AfterEach
  void deleteWhatThisTestDeployed() {
    // a timer left firing every second would start instances under every later test
    deployed.forEach(TimerProcess::deleteIfPresent);
  }

  @Test
  void shouldStopTheTimerWhenSuspendedAndResumeItWhenActivated() throws InterruptedException {
    // given
    TimerProcess timer = track(TimerProcess.deployEndingAtOnce());
    awaitStarted(timer, 2);

    // when
    suspension(timer, true).then().statusCode(204);

    // then no instance starts any more (a job already running when it committed may still end)
    assertThat(definition(timer).getBoolean("suspended")).isTrue();
    Thread.sleep(1_000);
    long suspendedAt = timer.started();
    Thread.sleep(QUIET.toMillis());
    assertThat(timer.started()).isEqualTo(suspendedAt);

    // and when activated again
    suspension(timer, false).then().statusCode(204);

    // then it fires again
    assertThat(definition(timer).getBoolean("suspended")).isFalse();
    awaitStarted(timer, suspendedAt + 2);
  }

  @Test
  void shouldDeleteTheDeploymentWhileItsTimerFires() {
    // given a timer firing every second, not suspended
    TimerProcess timer = track(TimerProcess.deployEndingAtOnce());
    awaitStarted(timer, 2);

    // when
    asDemo()
        .delete("/api/deployments/{id}?cascade=false", timer.deploymentId())
        .then()
        .statusCode(204);

    // then the definition and its timer job are gone
    asDemo().get("/api/definitions/{id}", timer.definitionId()).then().statusCode(404);
    assertThat(count("/engine-rest/job/count?processDefinitionId={id}", timer)).isZero();
  }

  @Test
  void shouldRefuseToDeleteWithoutCascadeWhileAnInstanceRuns() {
    // given instances waiting at an external task no worker fetches
    TimerProcess timer = track(TimerProcess.deployWaiting());
    await().atMost(FIRST_INSTANCES).until(() -> definition(timer).getLong("runningInstances") >= 1);

    // when / then
    asDemo()
        .delete("/api/deployments/{id}?cascade=false", timer.deploymentId())
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("running instance"));

    // then nothing was deleted, not even suspended, and the instances still run
    JsonPath after = definition(timer);
    assertThat(after.getBoolean("suspended")).isFalse();
    assertThat(after.getLong("runningInstances")).isPositive();

    // and with cascade the deployment goes with its instances
    asDemo()
        .delete("/api/deployments/{id}?cascade=true", timer.deploymentId())
        .then()
        .statusCode(204);
    asDemo().get("/api/definitions/{id}", timer.definitionId()).then().statusCode(404);
    assertThat(count("/engine-rest/process-instance/count?processDefinitionId={id}", timer))
        .isZero();
  }

  @Test
  void shouldRefuseAnOperatorDeletingADeployment() {
    // given
    TimerProcess timer = track(TimerProcess.deployEndingAtOnce());

    // when / then
    RoleUsers.as(Roles.OPERATOR)
        .delete("/api/deployments/{id}?cascade=true", timer.deploymentId())
        .then()
        .statusCode(403)
        .contentType("application/problem+json");

    // then the definition is there, still active, and its timer still fires
    JsonPath after = definition(timer);
    assertThat(after.getString("deploymentId")).isEqualTo(timer.deploymentId());
    assertThat(after.getBoolean("suspended")).isFalse();
    awaitStarted(timer, 2);
  }

  @Test
  void shouldRefuseAnAnalystSuspending() {
    // given
    TimerProcess timer = track(TimerProcess.deployEndingAtOnce());

    // when / then
    RoleUsers.as(Roles.ANALYST)
        .contentType(ContentType.JSON)
        .body(Map.of("suspended", true, "includeInstances", true))
        .put("/api/definitions/{id}/suspension", timer.definitionId())
        .then()
        .statusCode(403)
        .contentType("application/problem+json");

    // then it is still active and its timer still fires
    assertThat(definition(timer).getBoolean("suspended")).isFalse();
    awaitStarted(timer, 2);
  }

  private TimerProcess track(TimerProcess timer) {
    deployed.add(timer);
    return timer;
  }

  private static io.restassured.response.Response suspension(
      TimerProcess timer, boolean suspended) {
    return RoleUsers.as(Roles.OPERATOR)
        .contentType(ContentType.JSON)
        .body(Map.of("suspended", suspended, "includeInstances", false))
        .put("/api/definitions/{id}/suspension", timer.definitionId());
  }

  private static JsonPath definition(TimerProcess timer) {
    return asDemo()
        .get("/api/definitions/{id}", timer.definitionId())
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static long count(String path, TimerProcess timer) {
    return asDemo()
        .get(path, timer.definitionId())
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("count");
  }

  private static void awaitStarted(TimerProcess timer, long atLeast) {
    await().atMost(FIRST_INSTANCES).until(() -> timer.started() >= atLeast);
  }
}
