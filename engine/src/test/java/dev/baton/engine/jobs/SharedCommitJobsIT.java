package dev.baton.engine.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.engine.BatonIT;
import dev.baton.engine.TestBpmn;
import dev.baton.engine.commits.CommitCounts;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Save points of many instances sharing commits ({@code baton.engine.jobs.per-transaction}, 16 by
 * default) keep what a job alone guarantees: 1 % of the steps fail, at random, inside shared
 * transactions; every other step runs exactly once, and each failing step has its three attempts,
 * retries 0 and one incident.
 */
class SharedCommitJobsIT extends BatonIT {

  private static final int INSTANCES = 200;
  private static final int STEPS = 3;

  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired CommitCounts jobCommits;

  @Test
  void shouldRunEveryOtherStepOnceAndGiveEachFailingStepItsRetriesAndIncident() throws Exception {
    // given a process of three adapter steps (each a save point) and 1 % of all steps chosen at
    // random to fail, each in a different instance
    String key = deploy();
    long seed = System.nanoTime();
    Random random = new Random(seed);
    Map<Integer, Integer> failingStepOf = new HashMap<>();
    while (failingStepOf.size() < INSTANCES * STEPS / 100) {
      failingStepOf.putIfAbsent(random.nextInt(INSTANCES), 1 + random.nextInt(STEPS));
    }
    long commitsBefore = jobCommits.commits();
    long jobsBefore = jobCommits.committed();

    // when all instances start at once from 4 callers
    List<String> ids = start(key, failingStepOf);

    // then every instance either completes or stops at its failing step with an incident
    await()
        .atMost(Duration.ofSeconds(120))
        .until(
            () ->
                history
                            .createHistoricProcessInstanceQuery()
                            .processDefinitionKey(key)
                            .completed()
                            .count()
                        + runtime.createIncidentQuery().processDefinitionKeyIn(key).count()
                    == INSTANCES);
    String description = "random seed " + seed;
    for (int i = 0; i < INSTANCES; i++) {
      String id = ids.get(i);
      Integer failingStep = failingStepOf.get(i);
      List<Map<String, Object>> effects = effects("inventory", id);
      assertThat(effects)
          .as("%s: instance %d's steps run once each", description, i)
          .hasSize(failingStep == null ? STEPS : failingStep - 1)
          .allSatisfy(effect -> assertThat(effect).containsEntry("attempts", 1));
      if (failingStep != null) {
        assertFailedAt(id, "s" + failingStep, description);
      }
    }
    assertThat(
            history
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(key)
                .completed()
                .count())
        .isEqualTo(INSTANCES - failingStepOf.size());
    // no job lost or left: only the failing steps' jobs remain
    assertThat(management.createJobQuery().processDefinitionKey(key).count())
        .isEqualTo(failingStepOf.size());
    // and the steps did share commits
    assertThat(jobCommits.committed() - jobsBefore)
        .as("jobs committed against commits")
        .isGreaterThan(jobCommits.commits() - commitsBefore);
  }

  private void assertFailedAt(String instanceId, String step, String description) {
    Job job = management.createJobQuery().processInstanceId(instanceId).singleResult();
    assertThat(job).as("%s: the job of %s's failing step", description, instanceId).isNotNull();
    assertThat(job.getRetries()).isZero();
    assertThat(job.getExceptionMessage()).contains("noSuchVariable");
    List<Incident> incidents = runtime.createIncidentQuery().processInstanceId(instanceId).list();
    assertThat(incidents).hasSize(1);
    assertThat(incidents.get(0).getActivityId()).isEqualTo(step);
    assertThat(
            history.createHistoricJobLogQuery().processInstanceId(instanceId).failureLog().count())
        .as("%s: failed attempts of %s", description, instanceId)
        .isEqualTo(3);
  }

  private List<String> start(String key, Map<Integer, Integer> failingStepOf) throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> started = new ArrayList<>();
      for (int i = 0; i < INSTANCES; i++) {
        Integer failingStep = failingStepOf.get(i);
        String failAt = failingStep == null ? "none" : "s" + failingStep;
        started.add(
            callers.submit(
                () ->
                    asDemo()
                        .contentType(ContentType.JSON)
                        .body(Map.of("variables", Map.of("failAt", failAt)))
                        .post("/api/processes/{key}/instances", key)
                        .then()
                        .statusCode(201)
                        .extract()
                        .<String>path("id")));
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

  private String deploy() {
    String key = "shared-commits-" + UUID.randomUUID().toString().substring(0, 8);
    StringBuilder steps = new StringBuilder();
    String previous = "start";
    for (int step = 1; step <= STEPS; step++) {
      String id = "s" + step;
      steps.append(
          """
          <bpmn:sequenceFlow id="to-%1$s" sourceRef="%2$s" targetRef="%1$s" />
          <bpmn:serviceTask id="%1$s" camunda:delegateExpression="${batonAdapter}">
            <bpmn:extensionElements>
              <camunda:properties>
                <camunda:property name="adapter" value="inventory-reserve" />
              </camunda:properties>
              <camunda:inputOutput>
                <camunda:inputParameter name="probe">${failAt == '%1$s' ? noSuchVariable : 'ok'}</camunda:inputParameter>
              </camunda:inputOutput>
              <camunda:failedJobRetryTimeCycle>R3/PT1S</camunda:failedJobRetryTimeCycle>
            </bpmn:extensionElements>
          </bpmn:serviceTask>
          """
              .formatted(id, previous));
      previous = id;
    }
    String xml =
        TestBpmn.process(
            key,
"""
            <bpmn:startEvent id="start" />
            %2$s
            <bpmn:sequenceFlow id="to-end" sourceRef="%3$s" targetRef="end" />
            <bpmn:endEvent id="end" />
"""
                .formatted(key, steps, previous));
    deployBpmn(key, xml);
    return key;
  }
}
