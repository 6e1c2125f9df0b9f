package dev.baton.engine.workers;

import static dev.baton.engine.workers.WorkerFixtures.TOPIC;
import static dev.baton.engine.workers.WorkerFixtures.asDemo;
import static dev.baton.engine.workers.WorkerFixtures.asWorker;
import static dev.baton.engine.workers.WorkerFixtures.client;
import static dev.baton.engine.workers.WorkerFixtures.register;
import static dev.baton.engine.workers.WorkerFixtures.startRemoteOrder;
import static dev.baton.engine.workers.WorkerFixtures.uniqueWorkerId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.baton.engine.BatonIT;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.client.ExternalTaskClient;
import org.junit.jupiter.api.Test;

/** Operators see who polls, what they did, and each topic's queue. */
class WorkerRegistryIT extends BatonIT {

  @Test
  void shouldShowWorkerAfterFirstPollAndGoStaleAfterWindow() {
    // given
    String workerId = uniqueWorkerId("registry");
    String key = register(workerId, List.of(TOPIC, "billing"));

    // when it polls once, without long polling
    fetch(workerId, key, List.of(TOPIC), 0).then().statusCode(200);

    // then
    JsonPath worker = worker(workerId);
    assertThat(worker.getString("status")).isEqualTo("ACTIVE");
    assertThat(worker.getList("topics")).containsExactly(TOPIC);
    assertThat(worker.getList("allowedTopics")).containsExactly("billing", TOPIC);
    assertThat(worker.getString("remoteAddress")).isEqualTo("127.0.0.1");
    assertThat(worker.getString("firstSeen")).isNotNull();
    asDemo().get("/api/workers").then().statusCode(200).body("workerId", hasItem(workerId));

    // and once the window (no long poll + 2 s margin in tests) has passed
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> "STALE".equals(worker(workerId).getString("status")));
  }

  @Test
  void shouldCountFetchedCompletedFailedAndBpmnErrorsPerWorker() {
    // given a worker that completes, fails and rejects one task each
    String workerId = uniqueWorkerId("counted");
    // (only this test's tasks: other tests may leave shipping tasks behind)
    String run = java.util.UUID.randomUUID().toString();
    ExternalTaskClient client = client(port, workerId, register(workerId, List.of(TOPIC)), 1);
    client
        .subscribe(TOPIC)
        .processVariableEquals("run", run)
        .handler(
            (task, service) -> {
              switch (task.getBusinessKey()) {
                case "count-fail" -> service.handleFailure(task, "down", null, 0, 0);
                case "count-reject" -> service.handleBpmnError(task, "SHIPPING_REJECTED");
                default -> service.complete(task);
              }
            })
        .open();
    try {
      // when
      List<String> ids =
          List.of(
              startRemoteOrder("count-ok", Map.of("amount", 1, "run", run)),
              startRemoteOrder("count-fail", Map.of("amount", 1, "run", run)),
              startRemoteOrder("count-reject", Map.of("amount", 1, "run", run)));

      // then
      OfficialClientIT.awaitState(ids.get(0), "COMPLETED");
      OfficialClientIT.awaitState(ids.get(1), "INCIDENT");
      OfficialClientIT.awaitState(ids.get(2), "COMPLETED");
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                JsonPath worker = worker(workerId);
                assertThat(worker.getLong("fetched")).isGreaterThanOrEqualTo(3);
                assertThat(worker.getLong("completed")).isEqualTo(1);
                assertThat(worker.getLong("failed")).isEqualTo(1);
                assertThat(worker.getLong("bpmnErrors")).isEqualTo(1);
                assertThat(worker.getLong("lockedTasks")).isZero();
              });
    } finally {
      client.stop();
    }

    // and the counters reach the metrics endpoint
    String metrics =
        asDemo()
            .accept("text/plain")
            .get("/actuator/prometheus")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(metrics)
        .contains("baton_worker_tasks_total{outcome=\"completed\",worker=\"" + workerId + "\"}")
        .contains("baton_topic_tasks_total{outcome=\"bpmn_error\",topic=\"shipping\"}");
  }

  @Test
  void shouldShowTopicQueueWithLockedTasksOldestWaitingAndPollers() {
    // given a task waiting on a topic nobody else serves
    String topic = "queue-" + uniqueWorkerId("t");
    String workerId = uniqueWorkerId("queue");
    String key = register(workerId, List.of(topic));

    // when a worker polls that topic (nothing there yet), then a second fetch locks nothing
    fetch(workerId, key, List.of(topic), 0).then().statusCode(200).body("size()", equalTo(0));

    // then the topic is listed with its poller and an empty queue
    asDemo()
        .get("/api/topics")
        .then()
        .statusCode(200)
        .body("find { it.topic == '" + topic + "' }.openTasks", equalTo(0))
        .body("find { it.topic == '" + topic + "' }.workers", hasItem(workerId));
  }

  @Test
  void shouldReportWaitingAndLockedTasksOfShippingTopic() {
    // given an order waiting at the shipping step, with nobody polling
    String id = startRemoteOrder("queued", Map.of("amount", 5));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> topic(TOPIC) != null && topic(TOPIC).get("oldestUnlockedSince") != null);

    // when a worker locks it
    String workerId = uniqueWorkerId("locker");
    String key = register(workerId, List.of(TOPIC));
    fetch(workerId, key, List.of(TOPIC), 0).then().statusCode(200);

    // then it counts as locked for the topic and for the worker
    assertThat(((Number) topic(TOPIC).get("lockedTasks")).longValue()).isGreaterThanOrEqualTo(1);
    assertThat(worker(workerId).getLong("lockedTasks")).isGreaterThanOrEqualTo(1);
    assertThat(id).isNotBlank();
  }

  @Test
  void shouldListTopicOfDeployedExternalTaskBeforeAnyTaskWaitsOrWorkerPolls() throws Exception {
    // given a diagram with an external task on a topic no task or worker has used
    String topic = "deployed-" + uniqueWorkerId("t");
    String key = "remote-" + uniqueWorkerId("k");
    String xml;
    try (var in = getClass().getResourceAsStream("/bpmn/order-fulfillment-remote.bpmn")) {
      xml =
          new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
              .replace("camunda:topic=\"shipping\"", "camunda:topic=\"" + topic + "\"")
              .replace("\"order-fulfillment-remote\"", "\"" + key + "\"");
    }
    deployBpmn(key, xml);

    // when
    JsonPath topics = asDemo().get("/api/topics").then().statusCode(200).extract().jsonPath();

    // then
    Map<String, Object> deployed = topics.getMap("find { it.topic == '" + topic + "' }");
    assertThat(deployed).containsEntry("openTasks", 0).containsEntry("processes", List.of(key));
    assertThat(topics.getList("find { it.topic == 'shipping' }.processes", String.class))
        .contains("order-fulfillment-remote");
  }

  @Test
  void shouldShowRegisteredWorkerThatNeverPolledAsRegisteredNotStale() {
    // given
    String workerId = uniqueWorkerId("silent");

    // when
    register(workerId, List.of("billing"));

    // then
    JsonPath worker = worker(workerId);
    assertThat(worker.getString("status")).isEqualTo("REGISTERED");
    assertThat(worker.getString("lastSeen")).isNull();
    assertThat(worker.getList("allowedTopics")).containsExactly("billing");
  }

  @Test
  void shouldAnswerNotFoundForUnknownWorker() {
    asDemo()
        .get("/api/workers/{id}", "nobody-polls-like-this")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", containsString("nobody-polls-like-this"));
  }

  private static io.restassured.response.Response fetch(
      String workerId, String key, List<String> topics, long longPollMillis) {
    return asWorker(workerId, key)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "workerId",
                workerId,
                "maxTasks",
                5,
                "asyncResponseTimeout",
                longPollMillis,
                "topics",
                topics.stream().map(t -> Map.of("topicName", t, "lockDuration", 60_000)).toList()))
        .post("/engine-rest/external-task/fetchAndLock");
  }

  private static JsonPath worker(String workerId) {
    return asDemo().get("/api/workers/{id}", workerId).then().statusCode(200).extract().jsonPath();
  }

  private static Map<String, Object> topic(String topic) {
    List<Map<String, Object>> topics =
        asDemo().get("/api/topics").then().statusCode(200).extract().jsonPath().getList("$");
    return topics.stream().filter(t -> topic.equals(t.get("topic"))).findFirst().orElse(null);
  }
}
