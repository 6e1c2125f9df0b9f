package dev.baton.engine.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import dev.baton.engine.BatonIT;
import dev.baton.engine.MigrationProcess;
import dev.baton.engine.security.RoleUsers;
import dev.baton.engine.security.Roles;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Migrating between versions: the proposed plan, Camunda's validation per activity, a dry run that
 * changes nothing, a batch of a hundred instances finishing on the new version, and the roles.
 */
class MigrationIT extends BatonIT {

  private final List<MigrationProcess> deployed = new ArrayList<>();

  @AfterEach
  void deleteWhatThisTestDeployed() {
    deployed.forEach(MigrationProcess::delete);
  }

  @Test
  void shouldProposeTheEqualActivitiesAndLeaveTheChangedOneUnmapped() {
    // given
    MigrationProcess process = versions();

    // when
    JsonPath plan =
        asDemo()
            .contentType(ContentType.JSON)
            .body(Map.of("sourceDefinitionId", process.v1(), "targetDefinitionId", process.v2()))
            .post("/api/migrations/plan")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    // then review maps to review; legacyCheck, gone from v2, is not mapped; no problem
    assertThat(plan.getList("instructions"))
        .containsExactly(Map.of("sourceActivityId", "review", "targetActivityId", "review"));
    assertThat(plan.getList("problems")).isEmpty();
  }

  @Test
  void shouldNameEachProblemOnItsActivityForAnInvalidMapping() {
    // given legacyCheck (a user task) mapped to check (a manual step that cannot hold a token)
    MigrationProcess process = versions();
    Map<String, Object> body =
        Map.of(
            "sourceDefinitionId", process.v1(),
            "targetDefinitionId", process.v2(),
            "instructions", List.of(mapping("review", "review"), mapping("legacyCheck", "check")));

    // when
    JsonPath plan =
        asDemo()
            .contentType(ContentType.JSON)
            .body(body)
            .post("/api/migrations/plan")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    // then the problem is on legacyCheck → check, and only there
    assertThat(plan.getList("instructions")).hasSize(2);
    assertThat(plan.getList("problems")).isNotEmpty();
    assertThat(plan.getList("problems.sourceActivityId")).containsOnly("legacyCheck");
    assertThat(plan.getList("problems.targetActivityId")).containsOnly("check");
    assertThat(plan.getString("problems[0].message")).isNotBlank();

    // and executing that plan is refused with the same problems
    asDemo()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/migrations")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("title", is("Invalid migration plan"))
        .body("problems[0].sourceActivityId", is("legacyCheck"));
  }

  @Test
  void shouldReportTheFailingInstanceOnDryRunAndChangeNothing() {
    // given three instances at review and one at legacyCheck, which v2 no longer has
    FourInstances given = threeAtReviewOneAtLegacyCheck();
    MigrationProcess process = given.process();
    String prefix = given.prefix();
    List<String> ids = given.ids();

    // when
    JsonPath dryRun =
        asDemo()
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "sourceDefinitionId", process.v1(),
                    "targetDefinitionId", process.v2(),
                    "filter", Map.of("businessKeyPrefix", prefix)))
            .post("/api/migrations?dryRun=true")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    // then four would be tried and the one at legacyCheck fails there
    assertThat(dryRun.getLong("total")).isEqualTo(4);
    assertThat(dryRun.getList("failing.instanceId")).containsExactly(ids.get(3));
    assertThat(dryRun.getList("failing[0].problems.sourceActivityId")).contains("legacyCheck");
    assertThat(dryRun.getString("failing[0].problems[0].message")).isNotBlank();

    // and nothing changed: all four still on v1 where they were, no migration in the audit log
    assertThat(MigrationProcess.definitionsOf(ids)).hasSize(4).containsOnly(process.v1());
    assertThat(waitingAt(ids.get(0))).containsExactly("review");
    assertThat(waitingAt(ids.get(3))).containsExactly("legacyCheck");
    assertThat(migrationsLogged(process.v1())).isZero();
  }

  @Test
  void shouldNarrowToTheInstancesTheListFilterMatchesSuchAsAStep() {
    // given three instances at review and one at legacyCheck, which v2 no longer has
    FourInstances given = threeAtReviewOneAtLegacyCheck();
    MigrationProcess process = given.process();
    String prefix = given.prefix();
    List<String> ids = given.ids();

    // when the instance list's filter "at step review" is the selection
    JsonPath dryRun =
        asDemo()
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "sourceDefinitionId", process.v1(),
                    "targetDefinitionId", process.v2(),
                    "filter", Map.of("businessKeyPrefix", prefix, "activityId", "review")))
            .post("/api/migrations?dryRun=true")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    // then only the three at review would move, and none of them fails
    assertThat(dryRun.getLong("total")).isEqualTo(3);
    assertThat(dryRun.getList("failing")).isEmpty();
    assertThat(MigrationProcess.definitionsOf(ids)).hasSize(4).containsOnly(process.v1());
  }

  @Test
  void shouldMigrateAHundredRunningInstancesAndFinishThemOnV2() {
    // given a hundred instances waiting at review on v1
    MigrationProcess process = MigrationProcess.deployV1();
    deployed.add(process);
    String prefix = prefix();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      ids.add(MigrationProcess.start(process.v1(), prefix + i));
    }
    process = process.withV2();
    deployed.set(0, process);
    String v2 = process.v2();

    // when
    JsonPath started =
        asDemo()
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "sourceDefinitionId", process.v1(),
                    "targetDefinitionId", v2,
                    "filter", Map.of("businessKeyPrefix", prefix)))
            .post("/api/migrations")
            .then()
            .statusCode(202)
            .body("batchId", notNullValue())
            .extract()
            .jsonPath();

    // then the batch moves all hundred to v2
    assertThat(started.getLong("total")).isEqualTo(100);
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> assertThat(MigrationProcess.definitionsOf(ids)).hasSize(100).containsOnly(v2));

    // and Baton's batch record says who migrated how many, completed
    String batchId = started.getString("batchId");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                asDemo()
                    .get("/api/batches/{id}", batchId)
                    .then()
                    .statusCode(200)
                    .body("type", is("migrate"))
                    .body("total", is(100))
                    .body("done", is(100))
                    .body("failed", is(0))
                    .body("startedBy", is(USER))
                    .body("state", is("COMPLETED")));

    // and once reviewed they finish on v2 (which has no legacy check)
    ids.forEach(id -> MigrationProcess.complete(id, "review"));
    JsonPath ended =
        asDemo()
            .contentType(ContentType.JSON)
            .body(Map.of("processInstanceIds", ids, "finished", true))
            .post("/engine-rest/history/process-instance")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(ended.getList("processDefinitionId")).hasSize(100).containsOnly(v2);
    assertThat(ended.getList("state")).containsOnly("COMPLETED");
  }

  @Test
  void shouldRefuseAnAnalystAndChangeNothing() {
    // given
    MigrationProcess process = MigrationProcess.deployV1();
    deployed.add(process);
    String id = MigrationProcess.start(process.v1(), prefix() + "0");
    process = process.withV2();
    deployed.set(0, process);
    Map<String, Object> body =
        Map.of(
            "sourceDefinitionId", process.v1(),
            "targetDefinitionId", process.v2(),
            "instanceIds", List.of(id));

    // when / then
    for (String path : List.of("/api/migrations", "/api/migrations?dryRun=true")) {
      analyst()
          .contentType(ContentType.JSON)
          .body(body)
          .post(path)
          .then()
          .statusCode(403)
          .contentType("application/problem+json");
    }
    analyst()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/migrations/plan")
        .then()
        .statusCode(403);

    // then the instance still waits at review on v1, and no migration was logged
    assertThat(MigrationProcess.definitionsOf(List.of(id))).containsExactly(process.v1());
    assertThat(waitingAt(id)).containsExactly("review");
    assertThat(migrationsLogged(process.v1())).isZero();
  }

  @Test
  void shouldMigrateNamedInstancesAsAnOperator() {
    // given
    MigrationProcess process = MigrationProcess.deployV1();
    deployed.add(process);
    String id = MigrationProcess.start(process.v1(), prefix() + "0");
    process = process.withV2();
    deployed.set(0, process);
    String v2 = process.v2();

    // when
    RoleUsers.as(Roles.OPERATOR)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "sourceDefinitionId", process.v1(),
                "targetDefinitionId", v2,
                "instanceIds", List.of(id)))
        .post("/api/migrations")
        .then()
        .statusCode(202)
        .body("total", is(1));

    // then
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(MigrationProcess.definitionsOf(List.of(id))).containsExactly(v2));
    assertThat(migrationsLogged(process.v1())).isPositive();
  }

  @Test
  void shouldAnswerProblemsForUnknownVersionsAndForeignInstances() {
    // given
    MigrationProcess process = versions();
    String other = MigrationProcess.start(process.v2(), prefix() + "0");

    // when / then an unknown version is a 404, for the plan and for a migration
    for (String path : List.of("/api/migrations/plan", "/api/migrations?dryRun=true")) {
      asDemo()
          .contentType(ContentType.JSON)
          .body(Map.of("sourceDefinitionId", "nope:1:1", "targetDefinitionId", process.v2()))
          .post(path)
          .then()
          .statusCode(404)
          .contentType("application/problem+json")
          .body("detail", containsString("nope:1:1"));
    }
    // an instance of another version is a 400 naming it, and so is a missing field
    asDemo()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "sourceDefinitionId", process.v1(),
                "targetDefinitionId", process.v2(),
                "instanceIds", List.of(other)))
        .post("/api/migrations")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString(other));
    asDemo()
        .contentType(ContentType.JSON)
        .body(Map.of("sourceDefinitionId", process.v1()))
        .post("/api/migrations/plan")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    // and nothing matched is a 400 for a migration, an empty answer for a dry run
    Map<String, Object> none =
        Map.of(
            "sourceDefinitionId", process.v1(),
            "targetDefinitionId", process.v2(),
            "filter", Map.of("businessKeyPrefix", prefix()));
    asDemo()
        .contentType(ContentType.JSON)
        .body(none)
        .post("/api/migrations")
        .then()
        .statusCode(400);
    asDemo()
        .contentType(ContentType.JSON)
        .body(none)
        .post("/api/migrations?dryRun=true")
        .then()
        .statusCode(200)
        .body("total", is(0))
        .body("failing", hasSize(0));
  }

  private MigrationProcess versions() {
    MigrationProcess process = MigrationProcess.deployV1().withV2();
    deployed.add(process);
    return process;
  }

  private static Map<String, String> mapping(String source, String target) {
    return Map.of("sourceActivityId", source, "targetActivityId", target);
  }

  private static String prefix() {
    return "mig-" + UUID.randomUUID().toString().substring(0, 8) + "-";
  }

  private static RequestSpecification analyst() {
    return RoleUsers.as(Roles.ANALYST);
  }

  /** The activities an instance waits at now. */
  private static List<String> waitingAt(String instanceId) {
    return asDemo()
        .get("/engine-rest/process-instance/{id}/activity-instances", instanceId)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("childActivityInstances.activityId");
  }

  /** Migrations the operation log holds from this source version (Camunda logs them per plan). */
  private static long migrationsLogged(String sourceDefinitionId) {
    return asDemo()
        .get(
            "/engine-rest/history/user-operation/count?processDefinitionId={id}"
                + "&operationType=Migrate",
            sourceDefinitionId)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("count");
  }

  private record FourInstances(MigrationProcess process, String prefix, List<String> ids) {}

  /** Four instances of v1 (the last one moved on to legacyCheck), then v2 deployed. */
  private FourInstances threeAtReviewOneAtLegacyCheck() {
    MigrationProcess process = MigrationProcess.deployV1();
    deployed.add(process);
    String prefix = prefix();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ids.add(MigrationProcess.start(process.v1(), prefix + i));
    }
    MigrationProcess.complete(ids.get(3), "review");
    process = process.withV2();
    deployed.set(deployed.size() - 1, process);
    return new FourInstances(process, prefix, ids);
  }
}
