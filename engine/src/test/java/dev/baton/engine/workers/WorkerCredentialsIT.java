package dev.baton.engine.workers;

import static dev.baton.engine.workers.WorkerFixtures.TOPIC;
import static dev.baton.engine.workers.WorkerFixtures.asDemo;
import static dev.baton.engine.workers.WorkerFixtures.asWorker;
import static dev.baton.engine.workers.WorkerFixtures.register;
import static dev.baton.engine.workers.WorkerFixtures.startRemoteOrder;
import static dev.baton.engine.workers.WorkerFixtures.uniqueWorkerId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.baton.engine.BatonIT;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Worker keys: shown once, scoped to topics and own tasks, revocable. */
class WorkerCredentialsIT extends BatonIT {

  @Test
  void shouldIssueKeyOnceAndAcceptItForFetching() {
    // given
    String workerId = uniqueWorkerId("issued");

    // when
    String key =
        asDemo()
            .contentType(ContentType.JSON)
            .body(Map.of("workerId", workerId, "topics", List.of(TOPIC)))
            .post("/api/workers")
            .then()
            .statusCode(201)
            .header("Location", containsString("/api/workers/" + workerId))
            .body("topics", equalTo(List.of(TOPIC)))
            .extract()
            .path("key");

    // then
    assertThat(key).hasSizeGreaterThanOrEqualTo(40);
    fetch(workerId, key, TOPIC).then().statusCode(200);
    asDemo()
        .get("/api/workers/{id}", workerId)
        .then()
        .body("key", org.hamcrest.Matchers.nullValue());
  }

  @Test
  void shouldRefuseWrongKey() {
    String workerId = uniqueWorkerId("wrong");
    register(workerId, List.of(TOPIC));

    fetch(workerId, "not-the-key", TOPIC)
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void shouldRefuseOtherTopicAndLockNothing() {
    // given a task waiting on a topic the worker may not serve
    String workerId = uniqueWorkerId("scoped");
    String key = register(workerId, List.of("billing"));
    String id = startRemoteOrder("scoped", Map.of("amount", 3));
    awaitShippingTask(id);

    // when
    fetch(workerId, key, TOPIC)
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("detail", containsString("may not fetch [shipping]"));

    // then the task is still unlocked
    asDemo()
        .get("/engine-rest/external-task?processInstanceId={id}&locked=true", id)
        .then()
        .statusCode(200)
        .body("$", hasSize(0));
  }

  @Test
  void shouldRefuseCompletingTaskLockedByAnotherWorker() {
    // given a task locked by worker A
    String a = uniqueWorkerId("holder");
    String keyA = register(a, List.of(TOPIC));
    String b = uniqueWorkerId("thief");
    String keyB = register(b, List.of(TOPIC));
    String id = startRemoteOrder("locked-by-a", Map.of("amount", 3));
    String taskId = fetchTaskOf(id, a, keyA);

    // when B tries to complete it, claiming to be B or pretending to be A
    asWorker(b, keyB)
        .contentType(ContentType.JSON)
        .body(Map.of("workerId", b))
        .post("/engine-rest/external-task/{id}/complete", taskId)
        .then()
        .statusCode(403)
        .body("detail", containsString("not locked by worker '" + b + "'"));
    asWorker(b, keyB)
        .contentType(ContentType.JSON)
        .body(Map.of("workerId", a))
        .post("/engine-rest/external-task/{id}/complete", taskId)
        .then()
        .statusCode(403);

    // then the task is still A's, and A can complete it
    asWorker(a, keyA)
        .contentType(ContentType.JSON)
        .body(Map.of("workerId", a))
        .post("/engine-rest/external-task/{id}/complete", taskId)
        .then()
        .statusCode(204);
    OfficialClientIT.awaitState(id, "COMPLETED");
  }

  @Test
  void shouldRefuseAnotherWorkersTaskThroughEncodedAliasedOrSlashedPaths() {
    // given a task locked by worker A, and worker B with a key of its own for the same topic
    String a = uniqueWorkerId("owner");
    String keyA = register(a, List.of(TOPIC));
    String b = uniqueWorkerId("prowler");
    String keyB = register(b, List.of(TOPIC));
    String id = startRemoteOrder("encoded-" + UUID.randomUUID(), Map.of("amount", 4));
    String taskId = fetchTaskOf(id, a, keyA);
    String encoded =
        "%" + Integer.toHexString(taskId.charAt(0)).toUpperCase() + taskId.substring(1);

    // when B unlocks or completes it by paths that all reach the same task
    for (String path :
        List.of(
            "/engine-rest/external-task/" + encoded + "/unlock",
            "/engine-rest/external-task/" + taskId + "/unlock/",
            "/engine-rest/engine/default/external-task/" + taskId + "/unlock",
            "/engine-rest/engine/default/external-task/" + encoded + "/unlock/")) {
      asWorker(b, keyB)
          .urlEncodingEnabled(false)
          .contentType(ContentType.JSON)
          .body(Map.of("workerId", b))
          .post(path)
          .then()
          .statusCode(403)
          .contentType("application/problem+json");
    }
    asWorker(b, keyB)
        .urlEncodingEnabled(false)
        .contentType(ContentType.JSON)
        .body(Map.of("workerId", a))
        .post("/engine-rest/engine/default/external-task/" + encoded + "/complete")
        .then()
        .statusCode(403);

    // then the task is still locked by A
    asDemo()
        .get("/engine-rest/external-task/{id}", taskId)
        .then()
        .statusCode(200)
        .body("workerId", equalTo(a));
  }

  @Test
  void shouldRefuseTheFirstWorkerOnceItsTaskWentToAnother() {
    // given a task handed to A, given back by A, then handed to B
    String a = uniqueWorkerId("first");
    String keyA = register(a, List.of(TOPIC));
    String b = uniqueWorkerId("second");
    String keyB = register(b, List.of(TOPIC));
    String id = startRemoteOrder("relocked", Map.of("amount", 4));
    String taskId = fetchTaskOf(id, a, keyA);
    asWorker(a, keyA).post("/engine-rest/external-task/{id}/unlock", taskId).then().statusCode(204);
    assertThat(fetchTaskOf(id, b, keyB)).isEqualTo(taskId);

    // when A completes it after all
    asWorker(a, keyA)
        .contentType(ContentType.JSON)
        .body(Map.of("workerId", a))
        .post("/engine-rest/external-task/{id}/complete", taskId)
        .then()
        .statusCode(403)
        .body("detail", containsString("not locked by worker '" + a + "'"));

    // then B, who holds it now, completes it
    asWorker(b, keyB)
        .contentType(ContentType.JSON)
        .body(Map.of("workerId", b))
        .post("/engine-rest/external-task/{id}/complete", taskId)
        .then()
        .statusCode(204);
    OfficialClientIT.awaitState(id, "COMPLETED");
  }

  @Test
  void shouldRefuseRevokedKey() {
    // given
    String workerId = uniqueWorkerId("revoked");
    String key = register(workerId, List.of(TOPIC));
    fetch(workerId, key, TOPIC).then().statusCode(200);

    // when
    asDemo().delete("/api/workers/{id}/credentials", workerId).then().statusCode(204);

    // then
    fetch(workerId, key, TOPIC).then().statusCode(401).body("detail", containsString("revoked"));
    asDemo().delete("/api/workers/{id}/credentials", workerId).then().statusCode(404);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/definitions",
        "/engine-rest/process-definition",
        "/engine-rest/external-task",
        "/actuator/prometheus"
      })
  void shouldGiveWorkerKeyNothingOutsideTheProtocol(String path) {
    String workerId = uniqueWorkerId("narrow");
    String key = register(workerId, List.of(TOPIC));

    asWorker(workerId, key)
        .get(path)
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
  }

  @Test
  void shouldRefuseFetchUnderAnotherWorkersName() {
    String workerId = uniqueWorkerId("honest");
    String key = register(workerId, List.of(TOPIC));

    asWorker(workerId, key)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "workerId",
                "someone-else",
                "maxTasks",
                1,
                "topics",
                List.of(Map.of("topicName", TOPIC, "lockDuration", 1000))))
        .post("/engine-rest/external-task/fetchAndLock")
        .then()
        .statusCode(403);
  }

  @Test
  void shouldRefuseSecondKeyForSameWorkerAndUserNames() {
    String workerId = uniqueWorkerId("twice");
    register(workerId, List.of(TOPIC));

    registerResponse(workerId, List.of(TOPIC))
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    registerResponse("demo", List.of(TOPIC))
        .then()
        .statusCode(409)
        .body("detail", containsString("user name"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"workerId\":\"bad id\",\"topics\":[\"t\"]}",
        "{\"workerId\":\"ok\",\"topics\":[]}",
        "{\"workerId\":\"ok\"}",
        "{\"workerId\":\"ok\",\"topics\":[\"a,b\"]}",
        "{\"topics\":[\"t\"]}"
      })
  void shouldRejectInvalidRegistration(String body) {
    asDemo()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/workers")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void shouldRequireAuthenticationForWorkersApi() {
    given().get("/api/workers").then().statusCode(401);
    given().contentType(ContentType.JSON).body("{}").post("/api/workers").then().statusCode(401);
  }

  private static io.restassured.response.Response registerResponse(
      String workerId, List<String> topics) {
    return asDemo()
        .contentType(ContentType.JSON)
        .body(Map.of("workerId", workerId, "topics", topics))
        .post("/api/workers");
  }

  private static io.restassured.response.Response fetch(String workerId, String key, String topic) {
    return asWorker(workerId, key)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "workerId",
                workerId,
                "maxTasks",
                10,
                "topics",
                List.of(Map.of("topicName", topic, "lockDuration", 60_000))))
        .post("/engine-rest/external-task/fetchAndLock");
  }

  /** Waits for the instance's external task and for this worker to be handed it; its id. */
  private static String fetchTaskOf(String instanceId, String workerId, String key) {
    awaitShippingTask(instanceId);
    String taskId = taskOf(instanceId);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                fetch(workerId, key, TOPIC)
                    .then()
                    .extract()
                    .jsonPath()
                    .getList("id")
                    .contains(taskId));
    return taskId;
  }

  private static void awaitShippingTask(String id) {
    await().atMost(Duration.ofSeconds(30)).until(() -> taskOf(id) != null);
  }

  private static String taskOf(String instanceId) {
    List<String> ids =
        asDemo()
            .get("/engine-rest/external-task?processInstanceId={id}", instanceId)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("id");
    return ids.isEmpty() ? null : ids.get(0);
  }
}
