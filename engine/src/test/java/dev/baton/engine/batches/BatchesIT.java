package dev.baton.engine.batches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.engine.BatonIT;
import dev.baton.engine.security.RoleUsers;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class BatchesIT extends BatonIT {

  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired BatchRecordRepository records;
  @Autowired ProcessEngineConfigurationImpl configuration;

  @Test
  void shouldCancelAllFiveHundredInstancesMatchingAFilterInOneBatch() {
    // given 500 waiting instances of a process of their own
    WaitingProcess process = WaitingProcess.deploy(false);
    start(process, 500, Map.of());

    // when all running instances of that process are canceled at once
    JsonPath started =
        post(
                "cancel",
                Map.of(
                    "filter",
                    Map.of("definitionKey", process.key(), "state", "RUNNING"),
                    "reason",
                    "wrong price list"))
            .then()
            .statusCode(202)
            .extract()
            .jsonPath();
    JsonPath batch = awaitEnd(started.getString("batchId"));

    // then one batch canceled all of them, recorded with who and why
    assertThat(started.getLong("total")).isEqualTo(500);
    assertThat(batch.getString("state")).isEqualTo("COMPLETED");
    assertThat(batch.getString("type")).isEqualTo("cancel");
    assertThat(batch.getLong("total")).isEqualTo(500);
    assertThat(batch.getLong("done")).isEqualTo(500);
    assertThat(batch.getLong("failed")).isZero();
    assertThat(batch.getString("startedBy")).isEqualTo(USER);
    assertThat(batch.getString("startedAt")).isNotBlank();
    assertThat(batch.getString("reason")).isEqualTo("wrong price list");
    assertThat(batch.getList("failures")).isEmpty();
    assertThat(instances(process, "RUNNING")).isZero();
    assertThat(instances(process, "CANCELED")).isEqualTo(500);
    assertThat(
            history.createHistoricProcessInstanceQuery().processDefinitionKey(process.key()).list())
        .allSatisfy(i -> assertThat(i.getDeleteReason()).isEqualTo("wrong price list"));
    // and the list shows it
    assertThat(
            asDemo()
                .get("/api/batches?size=100")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id", String.class))
        .contains(started.getString("batchId"));
  }

  @Test
  void shouldSuspendThenActivateTheNamedInstances() {
    // given three waiting instances
    WaitingProcess process = WaitingProcess.deploy(false);
    List<String> ids = start(process, 3, Map.of());

    // when suspended as a batch
    String suspension = batchId(post("suspend", Map.of("instanceIds", ids)));
    JsonPath suspended = awaitEnd(suspension);

    // then all three are suspended
    assertThat(suspended.getString("state")).isEqualTo("COMPLETED");
    assertThat(suspended.getLong("done")).isEqualTo(3);
    assertThat(
            runtime.createProcessInstanceQuery().processInstanceIds(set(ids)).suspended().count())
        .isEqualTo(3);

    // when activated as a batch
    JsonPath activated = awaitEnd(batchId(post("activate", Map.of("instanceIds", ids))));

    // then all three are active again
    assertThat(activated.getString("type")).isEqualTo("activate");
    assertThat(activated.getLong("done")).isEqualTo(3);
    assertThat(runtime.createProcessInstanceQuery().processInstanceIds(set(ids)).active().count())
        .isEqualTo(3);
  }

  @Test
  void shouldRetryTheFailedWorkOfMatchingInstances() {
    // given two instances whose external task failed for good (an incident each)
    String prefix = "batch-retry-" + System.nanoTime();
    List<String> ids =
        List.of(
            startOrderWithIncident(prefix + "-1", "carrier down " + prefix),
            startOrderWithIncident(prefix + "-2", "carrier down " + prefix));
    assertThat(ids).allSatisfy(id -> assertThat(incidentsOf(id)).hasSize(1));

    // when the instances matching the prefix are retried
    JsonPath started =
        post("retry", Map.of("filter", Map.of("businessKeyPrefix", prefix)))
            .then()
            .statusCode(202)
            .extract()
            .jsonPath();
    JsonPath batch = awaitEnd(started.getString("batchId"));

    // then both tasks have a retry again, and the incidents are gone
    assertThat(started.getLong("total")).isEqualTo(2);
    assertThat(batch.getString("state")).isEqualTo("COMPLETED");
    assertThat(batch.getLong("done")).isEqualTo(2);
    assertThat(ids).allSatisfy(id -> assertThat(incidentsOf(id)).isEmpty());
  }

  @Test
  void shouldDeleteTheHistoryOfEndedInstancesOnly() {
    // given two ended instances and one still running
    WaitingProcess process = WaitingProcess.deploy(false);
    List<String> ids = start(process, 3, Map.of());
    runtime.deleteProcessInstance(ids.get(0), "test");
    runtime.deleteProcessInstance(ids.get(1), "test");

    // when the history of all of them is deleted
    JsonPath started =
        post("delete-history", Map.of("filter", Map.of("definitionKey", process.key())))
            .then()
            .statusCode(202)
            .extract()
            .jsonPath();
    JsonPath batch = awaitEnd(started.getString("batchId"));

    // then the two ended ones are gone from history; the running one is untouched
    assertThat(started.getLong("total")).isEqualTo(2);
    assertThat(batch.getLong("done")).isEqualTo(2);
    assertThat(
            history.createHistoricProcessInstanceQuery().processDefinitionKey(process.key()).list())
        .singleElement()
        .satisfies(i -> assertThat(i.getId()).isEqualTo(ids.get(2)));
  }

  @Test
  void shouldShowAFailingItemWithItsInstanceAndMessage() {
    // given three instances; one of them cannot leave its task (the variable is missing)
    WaitingProcess process = WaitingProcess.deploy(true);
    List<String> leaving = start(process, 2, Map.of("mayLeave", true));
    String stuck = start(process, 1, Map.of()).get(0);

    // when all three are canceled
    JsonPath batch =
        awaitEnd(batchId(post("cancel", Map.of("filter", Map.of("definitionKey", process.key())))));

    // then two are canceled, and the third is listed as failed with the engine's message
    assertThat(batch.getString("state")).isEqualTo("COMPLETED");
    assertThat(batch.getLong("total")).isEqualTo(3);
    assertThat(batch.getLong("done")).isEqualTo(2);
    assertThat(batch.getLong("failed")).isEqualTo(1);
    assertThat(batch.getString("failures[0].instanceId")).isEqualTo(stuck);
    assertThat(batch.getString("failures[0].message")).contains("mayLeave");
    assertThat(runtime.createProcessInstanceQuery().processInstanceIds(set(leaving)).count())
        .isZero();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(stuck).count()).isOne();
    // and the incident of the failed batch job (no instance, no process) is listed, not a 500
    assertThat(management.createJobQuery().withException().noRetriesLeft().list())
        .anySatisfy(job -> assertThat(job.getProcessInstanceId()).isNull());
    asDemo()
        .get("/api/incidents?size=200")
        .then()
        .statusCode(200)
        .body(
            "items.findAll { it.processInstanceId == null }.type",
            org.hamcrest.Matchers.hasItem("failedJob"));
  }

  @Test
  void shouldCancelARunningBatchSoItsRemainingItemsNeverRun() {
    // given a batch of 20 cancellations of which exactly 5 ran, then held (its jobs suspended):
    // the job executor is stopped meanwhile, so only the jobs run here run
    WaitingProcess process = WaitingProcess.deploy(false);
    start(process, 20, Map.of());
    JobExecutor executor = configuration.getJobExecutor();
    executor.shutdown();
    String batchId;
    List<String> camundaBatches;
    try {
      batchId = batchId(post("cancel", Map.of("filter", Map.of("definitionKey", process.key()))));
      camundaBatches = records.findById(batchId).orElseThrow().getCamundaBatchIds();
      Batch batch = management.createBatchQuery().batchId(camundaBatches.get(0)).singleResult();
      management.executeJob(
          management
              .createJobQuery()
              .jobDefinitionId(batch.getSeedJobDefinitionId())
              .singleResult()
              .getId());
      management
          .createJobQuery()
          .jobDefinitionId(batch.getBatchJobDefinitionId())
          .listPage(0, 5)
          .forEach(job -> management.executeJob(job.getId()));
      camundaBatches.forEach(management::suspendBatchById);
    } finally {
      executor.start();
    }
    long runningWhenHeld = instances(process, "RUNNING");
    assertThat(runningWhenHeld).isEqualTo(15);

    // when it is canceled
    JsonPath canceled =
        asDemo()
            .post("/api/batches/{id}/cancel", batchId)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    // then it is canceled, Camunda's batch is gone and no further instance is canceled
    assertThat(canceled.getString("state")).isEqualTo("CANCELED");
    assertThat(canceled.getLong("done")).isEqualTo(5);
    assertThat(management.createBatchQuery().batchId(camundaBatches.get(0)).count()).isZero();
    assertThat(
            asDemo()
                .get("/api/batches/{id}", batchId)
                .then()
                .statusCode(200)
                .extract()
                .path("state")
                .toString())
        .isEqualTo("CANCELED");
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> instances(process, "RUNNING") == runningWhenHeld);
    asDemo().post("/api/batches/{id}/cancel", batchId).then().statusCode(409);
  }

  @Test
  void shouldLetAnOperatorCancelAndReadTheBatch() {
    // given two waiting instances
    WaitingProcess process = WaitingProcess.deploy(false);
    List<String> ids = start(process, 2, Map.of());

    // when an operator (not an administrator) cancels them as a batch
    String batchId =
        RoleUsers.as("operator")
            .contentType(ContentType.JSON)
            .body(Map.of("instanceIds", ids, "reason", "operator test"))
            .post("/api/instances/batch/{operation}", "cancel")
            .then()
            .statusCode(202)
            .extract()
            .path("batchId");

    // then the engine let them, and the operator reads it as started by them
    JsonPath batch =
        await()
            .atMost(Duration.ofSeconds(90))
            .until(
                () ->
                    RoleUsers.as("operator")
                        .get("/api/batches/{id}", batchId)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath(),
                json -> !"RUNNING".equals(json.getString("state")));
    assertThat(batch.getString("state")).isEqualTo("COMPLETED");
    assertThat(batch.getLong("done")).isEqualTo(2);
    assertThat(batch.getString("startedBy")).isEqualTo(RoleUsers.of("operator"));
    assertThat(runtime.createProcessInstanceQuery().processInstanceIds(set(ids)).count()).isZero();
  }

  @Test
  void shouldRefuseAnalystsAndChangeNothing() {
    // given a waiting instance
    WaitingProcess process = WaitingProcess.deploy(false);
    String id = start(process, 1, Map.of()).get(0);
    long batchesBefore = records.count();

    // when an analyst tries every operation and the batch list
    for (String operation : List.of("cancel", "suspend", "activate", "retry", "delete-history")) {
      RoleUsers.as("analyst")
          .contentType(ContentType.JSON)
          .body(Map.of("instanceIds", List.of(id)))
          .post("/api/instances/batch/{operation}", operation)
          .then()
          .statusCode(403);
    }
    RoleUsers.as("analyst").get("/api/batches").then().statusCode(403);

    // then nothing changed: the instance waits, active, and no batch was recorded
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(id).active().count()).isOne();
    assertThat(records.count()).isEqualTo(batchesBefore);
  }

  @Test
  void shouldAnswerProblemsForNothingToDoAndUnknownOperations() {
    WaitingProcess process = WaitingProcess.deploy(false);
    post("cancel", Map.of("filter", Map.of("definitionKey", process.key())))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", org.hamcrest.Matchers.startsWith("Nothing to do"));
    post("explode", Map.of("instanceIds", List.of("x")))
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    post("cancel", Map.of("filter", Map.of("state", "NOT_A_STATE")))
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    asDemo().get("/api/batches/{id}", "nope").then().statusCode(404);
  }

  private List<String> start(WaitingProcess process, int count, Map<String, Object> variables) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(
          runtime
              .startProcessInstanceByKey(process.key(), process.key() + "-" + i, variables)
              .getId());
    }
    return ids;
  }

  private static long instances(WaitingProcess process, String state) {
    return asDemo()
        .get("/api/instances?definitionKey={key}&state={state}&size=1", process.key(), state)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("total");
  }

  private static io.restassured.response.Response post(String operation, Object body) {
    return asDemo()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/instances/batch/{operation}", operation);
  }

  private static String batchId(io.restassured.response.Response response) {
    return response.then().statusCode(202).extract().path("batchId");
  }

  static JsonPath awaitEnd(String batchId) {
    return await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () ->
                asDemo()
                    .get("/api/batches/{id}", batchId)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath(),
            json -> !"RUNNING".equals(json.getString("state")));
  }

  private static java.util.Set<String> set(List<String> ids) {
    return new java.util.HashSet<>(ids);
  }
}
