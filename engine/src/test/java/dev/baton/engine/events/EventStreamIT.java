package dev.baton.engine.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.BatonIT;
import dev.baton.engine.FailingStartProcess;
import dev.baton.engine.TestBpmn;
import dev.baton.engine.events.SseClient.Message;
import dev.baton.engine.security.Roles;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code GET /api/events/stream}: operators' and admins' server-sent events of work committed on
 * this node, right after the commit and never of work rolled back.
 */
class EventStreamIT extends BatonIT {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @Autowired EventStream stream;

  @Test
  void shouldStreamStartStepAndEndOfAnInstanceInOrderWithIdTypeAndJson() throws Exception {
    // given a process waiting at a receive task, and the stream of its events open
    String key = uniqueKey("sse");
    deployBpmn(key, waitingForMessage(key, key + "-go"));
    try (SseClient events = open("/api/events/stream?processKey=" + key)) {
      assertThat(events.status()).isEqualTo(200);
      assertThat(events.contentType()).startsWith("text/event-stream");

      // when an instance starts, then a message moves it to its end
      String id = start(key, "order-sse-1");
      Message started = events.next(1, WAIT).get(0);
      asDemo()
          .contentType(ContentType.JSON)
          .body(Map.of("name", key + "-go", "businessKey", "order-sse-1"))
          .post("/api/messages")
          .then()
          .statusCode(200);
      List<Message> rest = events.next(2, WAIT);

      // then its start, the step and its end arrive in order, each as id / event / data
      List<Message> all = List.of(started, rest.get(0), rest.get(1));
      assertThat(all)
          .extracting(Message::event)
          .containsExactly("instance.started", "step.completed", "instance.ended");
      assertThat(all)
          .allSatisfy(
              message -> {
                assertThat(message.id()).isEqualTo(message.data().path("eventId").asText());
                assertThat(message.data().path("type").asText()).isEqualTo(message.event());
                assertThat(message.data().path("processInstanceId").asText()).isEqualTo(id);
                assertThat(message.data().path("processDefinitionKey").asText()).isEqualTo(key);
                assertThat(message.data().path("businessKey").asText()).isEqualTo("order-sse-1");
                assertThat(message.data().path("occurredAt").asText()).isNotBlank();
              });
      assertThat(all).extracting(Message::id).doesNotHaveDuplicates();
      assertThat(rest.get(0).data().path("activityId").asText()).isEqualTo("wait");
      assertThat(rest.get(1).data().path("data").path("state").asText()).isEqualTo("COMPLETED");
      // and nothing more
      assertThat(events.next(Duration.ofMillis(500))).isNull();
    }
  }

  @Test
  void shouldSendNothingForAStartThatRolledBack() throws Exception {
    // given a process whose first step runs inside the start, and the stream of its events
    String key = uniqueKey("sse-failing");
    deployBpmn(key, FailingStartProcess.xml(key));
    try (SseClient events = open("/api/events/stream?processKey=" + key)) {

      // when one start fails (rolled back) and the next succeeds
      int refused =
          asDemo()
              .contentType(ContentType.JSON)
              .body(Map.of("businessKey", "failed", "variables", Map.of("failAt", "start")))
              .post("/api/processes/{key}/instances", key)
              .statusCode();
      String id = start(key, "fine");

      // then the first events on the stream are the second instance's
      assertThat(refused).isNotEqualTo(201);
      List<Message> first = events.next(2, WAIT);
      assertThat(first)
          .extracting(Message::event)
          .containsExactly("instance.started", "step.completed");
      assertThat(first)
          .extracting(message -> message.data().path("processInstanceId").asText())
          .containsOnly(id);
    }
  }

  @Test
  void shouldSendOnlyTheStartsThatCommittedWhenFailingStartsShareTheirCommit() throws Exception {
    // given the stream of a process whose failing starts roll back to their savepoint
    String key = uniqueKey("sse-shared");
    deployBpmn(key, FailingStartProcess.xml(key));
    try (SseClient events = open("/api/events/stream?processKey=" + key)) {

      // when 24 starts arrive together (sharing commits), every third one failing
      List<String> fine = new ArrayList<>();
      ExecutorService callers = Executors.newFixedThreadPool(8);
      try {
        List<Future<String>> calls = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
          boolean fails = i % 3 == 0;
          String businessKey = (fails ? "failed-" : "fine-") + i;
          calls.add(
              callers.submit(
                  () -> {
                    var response =
                        asDemo()
                            .contentType(ContentType.JSON)
                            .body(
                                Map.of(
                                    "businessKey",
                                    businessKey,
                                    "variables",
                                    Map.of("failAt", fails ? "start" : "none")))
                            .post("/api/processes/{key}/instances", key);
                    String id = response.statusCode() == 201 ? response.path("id") : null;
                    return id;
                  }));
        }
        for (Future<String> call : calls) {
          String id = call.get();
          if (id != null) {
            fine.add(id);
          }
        }
      } finally {
        callers.shutdown();
      }

      // then the stream carries two events per committed start and none of the failed ones
      assertThat(fine).hasSize(16);
      List<Message> received = events.next(32, WAIT);
      assertThat(events.next(Duration.ofMillis(500))).isNull();
      assertThat(received)
          .extracting(message -> message.data().path("processInstanceId").asText())
          .containsOnlyElementsOf(Set.copyOf(fine));
      assertThat(received)
          .extracting(message -> message.data().path("businessKey").asText())
          .allMatch(businessKey -> businessKey.startsWith("fine-"));
    }
  }

  @Test
  void shouldSendOneCompletionPerBranchWhenParallelJobsConflictAndRollBackToTheirSavepoints()
      throws Exception {
    // given two parallel save points joining: a job that loses the join to an optimistic locking
    // conflict at flush (after its outbox rows were inserted) is rolled back to its savepoint
    String xml = EventOutboxIT.parallel("sse-parallel");
    String key = xml.substring(0, xml.indexOf('\n'));
    deployBpmn(key, xml.substring(key.length() + 1));
    try (SseClient events = open("/api/events/stream?processKey=" + key)) {

      // when 20 instances run
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        ids.add(start(key, "parallel-" + i));
      }

      // then each instance's start, each branch once and its end arrive, and nothing else
      List<Message> received = events.next(80, Duration.ofSeconds(60));
      assertThat(events.next(Duration.ofSeconds(1))).isNull();
      for (String id : ids) {
        assertThat(received)
            .filteredOn(m -> m.data().path("processInstanceId").asText().equals(id))
            .extracting(m -> m.event() + ":" + m.data().path("activityId").asText(""))
            .containsExactlyInAnyOrder(
                "instance.started:", "step.completed:a", "step.completed:b", "instance.ended:end");
      }
    }
  }

  @Test
  void shouldRefuseAnalystsWithAndWithoutTrailingSlashWorkersAndStrangers() {
    // given
    analystExists();
    String workerId = uniqueKey("sse-worker");
    String key =
        asDemo()
            .contentType(ContentType.JSON)
            .body(Map.of("workerId", workerId, "topics", List.of("sse-idle")))
            .post("/api/workers")
            .then()
            .statusCode(201)
            .extract()
            .path("key");
    int before = stream.subscribers();

    // when / then
    for (String path : List.of("/api/events/stream", "/api/events/stream/")) {
      try (SseClient refused = SseClient.open(port, path, ANALYST, ANALYST_PASSWORD)) {
        assertThat(refused.status()).as("analyst %s", path).isEqualTo(403);
      }
      try (SseClient refused = SseClient.open(port, path, workerId, key)) {
        assertThat(refused.status()).as("worker %s", path).isEqualTo(403);
      }
    }
    try (SseClient refused =
        SseClient.open(port, "/api/events/stream", "nobody", "no-such-password")) {
      assertThat(refused.status()).as("stranger").isEqualTo(401);
    }
    // and nobody of them was subscribed
    assertThat(stream.subscribers()).isEqualTo(before);
    asDemo().delete("/api/workers/{id}/credentials", workerId).then().statusCode(204);
  }

  private static final String ANALYST = "sseanalyst";
  private static final String ANALYST_PASSWORD = "reads-models-only-7";

  private static void analystExists() {
    if (asDemo().get("/engine-rest/user/{id}/profile", ANALYST).statusCode() == 404) {
      asDemo()
          .contentType(ContentType.JSON)
          .body(
              Map.of(
                  "profile",
                  Map.of("id", ANALYST, "firstName", "Stream", "lastName", "Analyst"),
                  "credentials",
                  Map.of("password", ANALYST_PASSWORD)))
          .post("/engine-rest/user/create")
          .then()
          .statusCode(204);
      asDemo()
          .put("/engine-rest/group/{group}/members/{user}", Roles.ANALYST, ANALYST)
          .then()
          .statusCode(204);
    }
  }

  private SseClient open(String path) {
    return SseClient.open(port, path, USER, USER);
  }

  private static String start(String key, String businessKey) {
    return asDemo()
        .contentType(ContentType.JSON)
        .body(Map.of("businessKey", businessKey, "variables", Map.of("failAt", "none")))
        .post("/api/processes/{key}/instances", key)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** start, receive task {@code wait} for {@code message}, end. */
  static String waitingForMessage(String key, String message) {
    return TestBpmn.withMessage(
        key,
        message,
        """
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
            <bpmn:receiveTask id="wait" messageRef="message" />
            <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end" />
            <bpmn:endEvent id="end" />
        """);
  }
}
