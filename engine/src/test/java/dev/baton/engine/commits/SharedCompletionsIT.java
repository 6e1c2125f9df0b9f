package dev.baton.engine.commits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.BatonIT;
import dev.baton.engine.TestBpmn;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * External-task outcomes arriving together (complete, failure) share commits; one refused by the
 * engine (sent by a worker that does not hold the lock) fails alone.
 */
class SharedCompletionsIT extends BatonIT {

  private static final int TASKS = 100;

  @Autowired HistoryService history;
  @Autowired RuntimeService runtime;
  @Autowired ExternalTaskService externalTasks;
  @Autowired CommitCounts callCommits;

  @Test
  void shouldShareCommitsAmongConcurrentOutcomesAndRefuseOnlyTheWrongWorkers() throws Exception {
    // given 100 instances each waiting at an external task locked by worker w1
    String topic = "shared-" + UUID.randomUUID().toString().substring(0, 8);
    String key = deploy(topic);
    List<Map<String, Object>> items = new ArrayList<>();
    for (int i = 0; i < TASKS; i++) {
      items.add(Map.of("businessKey", "order-" + i));
    }
    asDemo()
        .contentType(ContentType.JSON)
        .body(Map.of("instances", items))
        .post("/api/processes/{key}/instances/batch", key)
        .then()
        .statusCode(200);
    List<String> taskIds =
        asDemo()
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "workerId",
                    "w1",
                    "maxTasks",
                    TASKS,
                    "topics",
                    List.of(Map.of("topicName", topic, "lockDuration", 60_000))))
            .post("/engine-rest/external-task/fetchAndLock")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("id");
    assertThat(taskIds).hasSize(TASKS);
    long commitsBefore = callCommits.commits();
    long callsBefore = callCommits.committed();

    // when 8 callers report at once: 90 completions, 5 failures without retries, and 5
    // completions from worker w2, which holds no lock
    ExecutorService callers = Executors.newFixedThreadPool(8);
    List<Future<Integer>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < TASKS; i++) {
        String taskId = taskIds.get(i);
        int n = i;
        answers.add(callers.submit(() -> report(taskId, n)));
      }
      // then the outcomes of w1 are taken, those of w2 refused
      for (int i = 0; i < TASKS; i++) {
        int status = answers.get(i).get();
        if (i % 20 == 19) {
          assertThat(status).as("w2's completion of task %d", i).isBetween(400, 499);
        } else {
          assertThat(status).as("outcome %d", i).isEqualTo(204);
        }
      }
    } finally {
      callers.shutdownNow();
    }
    assertThat(
            history
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(key)
                .completed()
                .count())
        .isEqualTo(90);
    assertThat(runtime.createIncidentQuery().processDefinitionKeyIn(key).count()).isEqualTo(5);
    // w2's tasks are still open and still w1's
    assertThat(externalTasks.createExternalTaskQuery().topicName(topic).workerId("w1").count())
        .isEqualTo(10);
    assertThat(callCommits.committed() - callsBefore)
        .as("calls committed against commits")
        .isGreaterThan(callCommits.commits() - commitsBefore);
  }

  private static int report(String taskId, int n) {
    if (n % 20 == 19) {
      return asDemo()
          .contentType(ContentType.JSON)
          .body(Map.of("workerId", "w2"))
          .post("/engine-rest/external-task/{id}/complete", taskId)
          .statusCode();
    }
    if (n % 20 == 9) {
      return asDemo()
          .contentType(ContentType.JSON)
          .body(
              Map.of(
                  "workerId",
                  "w1",
                  "errorMessage",
                  "carrier down",
                  "retries",
                  0,
                  "retryTimeout",
                  0))
          .post("/engine-rest/external-task/{id}/failure", taskId)
          .statusCode();
    }
    return asDemo()
        .contentType(ContentType.JSON)
        .body(Map.of("workerId", "w1"))
        .post("/engine-rest/external-task/{id}/complete", taskId)
        .statusCode();
  }

  private String deploy(String topic) {
    String key = "shared-outcomes-" + UUID.randomUUID().toString().substring(0, 8);
    deployBpmn(
        key,
        TestBpmn.process(
            key,
"""
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work" />
            <bpmn:serviceTask id="work" camunda:type="external" camunda:topic="%2$s" />
            <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end" />
            <bpmn:endEvent id="end" />
"""
                .formatted(key, topic)));
    return key;
  }
}
