package dev.baton.engine.workers;

import static dev.baton.engine.workers.WorkerFixtures.TOPIC;
import static dev.baton.engine.workers.WorkerFixtures.asDemo;
import static dev.baton.engine.workers.WorkerFixtures.client;
import static dev.baton.engine.workers.WorkerFixtures.register;
import static dev.baton.engine.workers.WorkerFixtures.startRemoteOrder;
import static dev.baton.engine.workers.WorkerFixtures.uniqueWorkerId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.engine.BatonIT;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.client.ExternalTaskClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The official Camunda Java external-task client, unchanged, against Baton. */
class OfficialClientIT extends BatonIT {

  private final List<ExternalTaskClient> clients = new ArrayList<>();

  @AfterEach
  void stopClients() {
    clients.forEach(ExternalTaskClient::stop);
  }

  @Test
  void shouldCompleteRemoteOrderWithOfficialClient() {
    // given
    String workerId = uniqueWorkerId("ship");
    ExternalTaskClient client =
        started(client(port, workerId, register(workerId, List.of(TOPIC)), 1));
    client
        .subscribe(TOPIC)
        .handler(
            (task, service) ->
                service.complete(task, Map.of("trackingNumber", "TRK-" + task.getBusinessKey())))
        .open();

    // when
    String id = startRemoteOrder("remote-ok", Map.of("orderId", "remote-ok", "amount", 80));

    // then
    JsonPath instance = awaitState(id, "COMPLETED");
    assertThat(instance.getString("endActivityId")).isEqualTo("fulfilled");
    assertThat(instance.getString("variables.trackingNumber")).isEqualTo("TRK-remote-ok");
  }

  @Test
  void shouldShareTopicBetweenTwoWorkersWithoutCompletingAnyTaskTwice() {
    // given two workers on one topic, each working one task at a time
    Map<String, List<String>> completedBy = new ConcurrentHashMap<>();
    for (String workerId : List.of(uniqueWorkerId("share-a"), uniqueWorkerId("share-b"))) {
      List<String> mine = new CopyOnWriteArrayList<>();
      completedBy.put(workerId, mine);
      started(client(port, workerId, register(workerId, List.of(TOPIC)), 1))
          .subscribe(TOPIC)
          .handler(
              (task, service) -> {
                sleep(50);
                service.complete(task);
                mine.add(task.getProcessInstanceId());
              })
          .open();
    }

    // when
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      ids.add(startRemoteOrder("share-" + i, Map.of("amount", 10)));
    }

    // then
    ids.forEach(id -> awaitState(id, "COMPLETED"));
    List<String> all =
        completedBy.values().stream().flatMap(List::stream).filter(ids::contains).toList();
    assertThat(all).hasSize(20).doesNotHaveDuplicates();
    assertThat(completedBy.values()).allSatisfy(mine -> assertThat(mine).isNotEmpty());
  }

  @Test
  void shouldGiveTaskToAnotherWorkerWhenItsHolderDies() {
    // given a worker that locks the task for 2 s and then dies without a word
    String deadWorker = uniqueWorkerId("dead");
    String deadKey = register(deadWorker, List.of(TOPIC));
    String id = startRemoteOrder("dies-holding", Map.of("amount", 10));
    awaitWaitingAtShipping(id);
    WorkerFixtures.asWorker(deadWorker, deadKey)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "workerId",
                deadWorker,
                "maxTasks",
                10,
                "topics",
                List.of(Map.of("topicName", TOPIC, "lockDuration", 2_000))))
        .post("/engine-rest/external-task/fetchAndLock")
        .then()
        .statusCode(200);

    // when another worker polls the topic
    Set<String> taken = ConcurrentHashMap.newKeySet();
    String survivor = uniqueWorkerId("survivor");
    started(client(port, survivor, register(survivor, List.of(TOPIC)), 1))
        .subscribe(TOPIC)
        .handler(
            (task, service) -> {
              taken.add(task.getProcessInstanceId());
              service.complete(task);
            })
        .open();

    // then it gets the task once the dead worker's lock has expired
    awaitState(id, "COMPLETED");
    assertThat(taken).contains(id);
  }

  @Test
  void shouldFetchFailedTaskAgainAndRaiseIncidentWhenNoRetriesLeft() {
    // given a worker whose service keeps failing: one retry, then none
    String workerId = uniqueWorkerId("failing");
    List<Integer> retriesSeen = new CopyOnWriteArrayList<>();
    started(client(port, workerId, register(workerId, List.of(TOPIC)), 1))
        .subscribe(TOPIC)
        .handler(
            (task, service) -> {
              retriesSeen.add(task.getRetries());
              int left = task.getRetries() == null ? 1 : task.getRetries() - 1;
              service.handleFailure(task, "carrier down", "HTTP 503 from carrier", left, 0);
            })
        .open();

    // when
    String id = startRemoteOrder("fails", Map.of("amount", 10));

    // then
    JsonPath instance = awaitState(id, "INCIDENT");
    assertThat(retriesSeen).containsExactly(null, 1);
    assertThat(instance.getString("incidents[0].activityId")).isEqualTo("shipOrder");
    assertThat(instance.getString("incidents[0].message")).isEqualTo("carrier down");
  }

  @Test
  void shouldTakeErrorPathOnBpmnError() {
    // given
    String workerId = uniqueWorkerId("rejecting");
    started(client(port, workerId, register(workerId, List.of(TOPIC)), 1))
        .subscribe(TOPIC)
        .handler(
            (task, service) -> service.handleBpmnError(task, "SHIPPING_REJECTED", "no carrier"))
        .open();

    // when
    String id = startRemoteOrder("rejected", Map.of("amount", 10));

    // then
    JsonPath instance = awaitState(id, "COMPLETED");
    assertThat(instance.getString("endActivityId")).isEqualTo("rejected");
    assertThat(instance.getString("variables.shippingRejectionReason")).isEqualTo("no carrier");
    asDemo()
        .get(
            "/engine-rest/history/activity-instance?processInstanceId={id}&activityId=refundPayment",
            id)
        .then()
        .statusCode(200)
        .body("size()", org.hamcrest.Matchers.equalTo(1));
  }

  private ExternalTaskClient started(ExternalTaskClient client) {
    clients.add(client);
    return client;
  }

  private static void awaitWaitingAtShipping(String id) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                asDemo()
                    .get("/api/instances/{id}", id)
                    .then()
                    .extract()
                    .jsonPath()
                    .getList("activeActivityIds")
                    .contains("shipOrder"));
  }

  static JsonPath awaitState(String id, String state) {
    return await()
        .atMost(Duration.ofSeconds(45))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                asDemo().get("/api/instances/{id}", id).then().statusCode(200).extract().jsonPath(),
            json -> state.equals(json.getString("state")));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
