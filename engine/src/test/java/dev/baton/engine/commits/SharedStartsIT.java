package dev.baton.engine.commits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.BatonIT;
import dev.baton.engine.FailingStartProcess;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Starts arriving together through Baton's API and Camunda REST share commits ({@code
 * baton.engine.commits}); a start that fails inside the engine fails alone, and every start
 * answered as started is there.
 */
class SharedStartsIT extends BatonIT {

  private static final int STARTS = 200;

  @Autowired HistoryService history;
  @Autowired CommitCounts callCommits;

  @Test
  void shouldShareCommitsAmongConcurrentStartsAndFailOnlyTheStartThatFailed() throws Exception {
    // given a process whose first step runs inside the start and fails when asked to
    String key = deploy();
    long commitsBefore = callCommits.commits();
    long callsBefore = callCommits.committed();

    // when 8 callers start 200 instances, half through each API, every 10th failing
    ExecutorService callers = Executors.newFixedThreadPool(8);
    List<Future<Response>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < STARTS; i++) {
        int n = i;
        answers.add(callers.submit(() -> start(key, n)));
      }
      // then each caller has its own answer
      for (int i = 0; i < STARTS; i++) {
        Response answer = answers.get(i).get();
        if (failing(i)) {
          assertThat(answer.statusCode()).as("start %d, which fails", i).isBetween(400, 599);
        } else {
          assertThat(answer.statusCode()).as("start %d", i).isIn(200, 201);
        }
      }
    } finally {
      callers.shutdownNow();
    }

    // and exactly the started instances exist, each once
    List<String> started =
        history.createHistoricProcessInstanceQuery().processDefinitionKey(key).list().stream()
            .map(instance -> instance.getBusinessKey())
            .toList();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < STARTS; i++) {
      if (!failing(i)) {
        expected.add("order-" + i);
      }
    }
    assertThat(started).containsExactlyInAnyOrderElementsOf(expected);
    // and they shared commits
    assertThat(callCommits.committed() - callsBefore)
        .as("calls committed against commits")
        .isGreaterThan(callCommits.commits() - commitsBefore);
  }

  private static boolean failing(int n) {
    return n % 20 == 7 || n % 20 == 14;
  }

  private static Response start(String key, int n) {
    Map<String, Object> failAt = Map.of("value", failing(n) ? "start" : "none", "type", "String");
    if (n % 2 == 0) {
      return asDemo()
          .contentType(ContentType.JSON)
          .body(
              Map.of(
                  "businessKey",
                  "order-" + n,
                  "variables",
                  Map.of("failAt", failing(n) ? "start" : "none")))
          .post("/api/processes/{key}/instances", key);
    }
    return asDemo()
        .contentType(ContentType.JSON)
        .body(Map.of("businessKey", "order-" + n, "variables", Map.of("failAt", failAt)))
        .post("/engine-rest/process-definition/key/{key}/start", key);
  }

  private String deploy() {
    String key = "shared-starts-" + UUID.randomUUID().toString().substring(0, 8);
    deployBpmn(key, FailingStartProcess.xml(key));
    return key;
  }
}
