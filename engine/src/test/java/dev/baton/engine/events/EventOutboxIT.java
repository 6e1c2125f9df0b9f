package dev.baton.engine.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.engine.BatonIT;
import dev.baton.engine.FailingStartProcess;
import dev.baton.engine.TestBpmn;
import dev.baton.engine.events.EventQueue.Received;
import dev.baton.engine.security.RoleUsers;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Process events leave through the outbox to RabbitMQ: one per start, completed step, incident,
 * resolution and end, in order, with the routing key {@code <key>.<type>}; nothing for work that
 * rolled back.
 */
class EventOutboxIT extends BatonIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Autowired ConnectionFactory rabbit;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;

  @Test
  void shouldPublishStartTwoStepsAndEndInOrderWithDistinctIdsAndRoutingKeys() {
    // given a process of two adapter steps (save points) and a queue bound to its events
    String key = deploy(twoSteps("events-two"));
    EventQueue queue = EventQueue.bind(rabbit, key + ".#");

    // when one instance runs to its end
    String id = start(key, "order-1", "none");

    // then exactly its four events arrive, in order
    List<Received> events = queue.awaitAtLeast(4, WAIT);
    await().pollDelay(Duration.ofMillis(500)).until(() -> true);
    events = queue.received();
    assertThat(events)
        .extracting(Received::type, Received::activityId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("instance.started", null),
            org.assertj.core.groups.Tuple.tuple("step.completed", "s1"),
            org.assertj.core.groups.Tuple.tuple("step.completed", "s2"),
            org.assertj.core.groups.Tuple.tuple("instance.ended", "end"));
    assertThat(events)
        .allSatisfy(
            event -> {
              assertThat(event.processInstanceId()).isEqualTo(id);
              assertThat(event.processDefinitionKey()).isEqualTo(key);
              assertThat(event.businessKey()).isEqualTo("order-1");
              assertThat(event.routingKey()).isEqualTo(key + "." + event.type());
              assertThat(event.messageId()).isEqualTo(event.eventId());
              assertThat(event.body().path("occurredAt").asText()).isNotBlank();
            });
    assertThat(events).extracting(Received::eventId).doesNotHaveDuplicates();
    assertThat(events).extracting(Received::sequence).isSorted();
    assertThat(events.get(3).body().path("data").path("state").asText()).isEqualTo("COMPLETED");
    // and the outbox is empty once they are confirmed
    await().atMost(WAIT).until(() -> pending() == 0);
  }

  @Test
  void shouldPublishNoStepOfARolledBackJobAndAnIncidentThenItsResolution() {
    // given s1 (a save point) followed in the same job by s2, which fails: s1's completion is
    // written, then the job rolls back; with instances around it sharing the job's commit
    String key = deploy(twoSteps("events-failing"));
    EventQueue queue = EventQueue.bind(rabbit, key + ".#");
    List<String> fine = new ArrayList<>();
    String failing = null;
    for (int i = 0; i < 6; i++) {
      boolean fails = i == 3;
      String id = start(key, "order-" + i, fails ? "s2" : "none");
      if (fails) {
        failing = id;
      } else {
        fine.add(id);
      }
    }
    String failingId = failing;

    // when its retries are used up it has an incident
    await()
        .atMost(WAIT)
        .until(() -> runtime.createIncidentQuery().processInstanceId(failingId).count() == 1);
    await()
        .atMost(WAIT)
        .until(() -> queue.byInstance().getOrDefault(failingId, List.of()).size() >= 2);
    await()
        .atMost(WAIT)
        .until(
            () ->
                fine.stream()
                    .allMatch(id -> queue.byInstance().getOrDefault(id, List.of()).size() == 4));

    // then the failing instance published its start and the incident, no step of the rolled-back
    // attempts; every other instance its four events
    assertThat(queue.byInstance().get(failingId))
        .extracting(Received::type, Received::activityId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("instance.started", null),
            org.assertj.core.groups.Tuple.tuple("incident.created", "s1"));
    for (String id : fine) {
      assertThat(queue.byInstance().get(id))
          .extracting(Received::type)
          .containsExactly(
              "instance.started", "step.completed", "step.completed", "instance.ended");
    }

    // when the cause is fixed and the step retried
    runtime.setVariable(failingId, "failAt", "none");
    Job job = management.createJobQuery().processInstanceId(failingId).singleResult();
    management.setJobRetries(job.getId(), 1);

    // then the resolution, both steps (once each) and the end follow
    await().atMost(WAIT).until(() -> queue.byInstance().get(failingId).size() >= 6);
    await().pollDelay(Duration.ofMillis(500)).until(() -> true);
    assertThat(queue.byInstance().get(failingId))
        .extracting(Received::type, Received::activityId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("instance.started", null),
            org.assertj.core.groups.Tuple.tuple("incident.created", "s1"),
            org.assertj.core.groups.Tuple.tuple("incident.resolved", "s1"),
            org.assertj.core.groups.Tuple.tuple("step.completed", "s1"),
            org.assertj.core.groups.Tuple.tuple("step.completed", "s2"),
            org.assertj.core.groups.Tuple.tuple("instance.ended", "end"));
    assertThat(
            queue.byInstance().get(failingId).get(1).body().path("data").path("message").asText())
        .contains("noSuchVariable");
  }

  @Test
  void shouldPublishOneCompletionPerBranchWhenParallelJobsConflict() throws Exception {
    // given two parallel save points joining: one of the two jobs may lose the join to an
    // optimistic locking conflict at flush, after its outbox rows were inserted, and be rolled back
    String key = deploy(parallel("events-parallel"));
    EventQueue queue = EventQueue.bind(rabbit, key + ".#");

    // when 20 instances run
    List<String> ids = startMany(key, 20);

    // then each instance published its start, each branch once, and its end
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> ids.stream().allMatch(id -> ended(queue, id)));
    await().pollDelay(Duration.ofMillis(500)).until(() -> true);
    for (String id : ids) {
      assertThat(queue.byInstance().get(id))
          .extracting(Received::type, Received::activityId)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("instance.started", null),
              org.assertj.core.groups.Tuple.tuple("step.completed", "a"),
              org.assertj.core.groups.Tuple.tuple("step.completed", "b"),
              org.assertj.core.groups.Tuple.tuple("instance.ended", "end"));
      assertThat(queue.byInstance().get(id).get(0).type()).isEqualTo("instance.started");
      assertThat(queue.byInstance().get(id).get(3).type()).isEqualTo("instance.ended");
    }
  }

  @Test
  void shouldPublishNothingForAStartThatRolledBack() {
    // given a process whose first step runs inside the start
    String key = "events-failing-start-" + UUID.randomUUID().toString().substring(0, 8);
    deployBpmn(key, FailingStartProcess.xml(key));
    EventQueue queue = EventQueue.bind(rabbit, key + ".#");

    // when one start fails (rolled back) and the next succeeds
    int refused =
        asDemo()
            .contentType(ContentType.JSON)
            .body(Map.of("businessKey", "failed", "variables", Map.of("failAt", "start")))
            .post("/api/processes/{key}/instances", key)
            .statusCode();
    String id = start(key, "fine", "none");

    // then only the second instance's events arrive
    assertThat(refused).isNotEqualTo(201);
    await()
        .atMost(WAIT)
        .until(() -> queue.distinct().stream().anyMatch(e -> e.type().equals("step.completed")));
    await().pollDelay(Duration.ofMillis(500)).until(() -> true);
    assertThat(queue.received())
        .allSatisfy(
            event -> {
              assertThat(event.processInstanceId()).isEqualTo(id);
              assertThat(event.businessKey()).isEqualTo("fine");
            })
        .extracting(Received::type)
        .containsExactly("instance.started", "step.completed");
  }

  @Test
  void shouldShowTheBacklogToOperatorsAndRefuseAnalysts() {
    // when an operator and an analyst ask for the outbox's status
    await()
        .atMost(WAIT)
        .until(
            () ->
                asDemo()
                    .get("/api/events/status")
                    .then()
                    .extract()
                    .jsonPath()
                    .getBoolean("brokerConnected"));
    RoleUsers.as("operator")
        .get("/api/events/status")
        .then()
        .statusCode(200)
        .body("pending", org.hamcrest.Matchers.notNullValue())
        .body("brokerConnected", org.hamcrest.Matchers.equalTo(true));
    for (String path : List.of("/api/events/status", "/api/events/status/", "/api/events/")) {
      RoleUsers.as("analyst").get(path).then().statusCode(403);
    }
    io.restassured.RestAssured.given().get("/api/events/status").then().statusCode(401);
  }

  private boolean ended(EventQueue queue, String id) {
    return queue.byInstance().getOrDefault(id, List.of()).stream()
        .anyMatch(e -> e.type().equals("instance.ended"));
  }

  private long pending() {
    return asDemo()
        .get("/api/events/status")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("pending");
  }

  private String deploy(String xmlWithKeyPlaceholder) {
    String key = xmlWithKeyPlaceholder.substring(0, xmlWithKeyPlaceholder.indexOf('\n'));
    deployBpmn(key, xmlWithKeyPlaceholder.substring(key.length() + 1));
    return key;
  }

  private String start(String key, String businessKey, String failAt) {
    return asDemo()
        .contentType(ContentType.JSON)
        .body(Map.of("businessKey", businessKey, "variables", Map.of("failAt", failAt)))
        .post("/api/processes/{key}/instances", key)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private List<String> startMany(String key, int count) throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> started = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String businessKey = "order-" + i;
        started.add(callers.submit(() -> start(key, businessKey, "none")));
      }
      List<String> ids = new ArrayList<>();
      for (Future<String> id : started) {
        ids.add(id.get());
      }
      return ids;
    } finally {
      callers.shutdownNow();
    }
  }

  /**
   * The key on the first line, then a process: s1 an adapter step behind its save point (two
   * attempts, then an incident), s2 an adapter step in the same job; either fails when the variable
   * {@code failAt} names it.
   */
  static String twoSteps(String prefix) {
    String key = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    return key
        + "\n"
        + TestBpmn.process(
            key,
            """
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="s1" />
            %s
            <bpmn:sequenceFlow id="f2" sourceRef="s1" targetRef="s2" />
            %s
            <bpmn:sequenceFlow id="f3" sourceRef="s2" targetRef="end" />
            <bpmn:endEvent id="end" />
            """
                .formatted(step("s1", true), step("s2", false)));
  }

  /** The key on the first line, then a process of two save points in a row, s1 and s2. */
  static String twoSavePoints() {
    String key = "events-kill-" + UUID.randomUUID().toString().substring(0, 8);
    return key
        + "\n"
        + TestBpmn.process(
            key,
            """
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="s1" />
            %s
            <bpmn:sequenceFlow id="f2" sourceRef="s1" targetRef="s2" />
            %s
            <bpmn:sequenceFlow id="f3" sourceRef="s2" targetRef="end" />
            <bpmn:endEvent id="end" />
            """
                .formatted(step("s1", true), step("s2", true)));
  }

  /** The key on the first line, then a process of two parallel save points a and b. */
  static String parallel(String prefix) {
    String key = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    return key
        + "\n"
        + TestBpmn.process(
            key,
            """
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fork" />
            <bpmn:parallelGateway id="fork" />
            <bpmn:sequenceFlow id="fa" sourceRef="fork" targetRef="a" />
            <bpmn:sequenceFlow id="fb" sourceRef="fork" targetRef="b" />
            %s
            %s
            <bpmn:sequenceFlow id="ja" sourceRef="a" targetRef="join" />
            <bpmn:sequenceFlow id="jb" sourceRef="b" targetRef="join" />
            <bpmn:parallelGateway id="join" />
            <bpmn:sequenceFlow id="f2" sourceRef="join" targetRef="end" />
            <bpmn:endEvent id="end" />
            """
                .formatted(step("a", true), step("b", true)));
  }

  private static String step(String id, boolean savePoint) {
    return """
        <bpmn:serviceTask id="%1$s" camunda:delegateExpression="${batonAdapter}">
          <bpmn:extensionElements>
            <camunda:properties>
              <camunda:property name="adapter" value="noop" />
              <camunda:property name="savePoint" value="%2$s" />
            </camunda:properties>
            <camunda:inputOutput>
              <camunda:inputParameter name="probe">${failAt == '%1$s' ? noSuchVariable : 'ok'}</camunda:inputParameter>
            </camunda:inputOutput>
            <camunda:failedJobRetryTimeCycle>R2/PT1S</camunda:failedJobRetryTimeCycle>
          </bpmn:extensionElements>
        </bpmn:serviceTask>
        """
        .formatted(id, savePoint);
  }
}
