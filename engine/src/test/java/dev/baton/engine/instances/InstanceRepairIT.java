package dev.baton.engine.instances;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import dev.baton.engine.BatonIT;
import dev.baton.engine.security.RoleUsers;
import dev.baton.engine.security.Roles;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Repairing one instance over HTTP as an operator: move its tokens (modification), restart it when
 * ended, suspend and activate it; weaker roles are refused and change nothing.
 */
class InstanceRepairIT extends BatonIT {

  private static final String ANNOTATION = "Carrier booked by phone, ticket OPS-42";

  @Test
  void shouldMoveTheTokenPastTheFailingStepAndComplete() {
    // given an instance whose shipping step failed with no retries left
    String id = startOrderWithIncident("modify-" + UUID.randomUUID(), "carrier down");

    // when an operator cancels the failing step and starts after it, setting a variable
    modify(
            RoleUsers.as(Roles.OPERATOR),
            id,
            List.of(instruction("cancel", "shipOrder"), instruction("startAfter", "shipOrder")),
            Map.of("trackingNumber", "PHONE-1"),
            ANNOTATION)
        .then()
        .statusCode(204);

    // then the instance completed at its end event, without incidents, with the variable
    JsonPath detail = detail(id);
    assertThat(detail.getString("instance.state")).isEqualTo("COMPLETED");
    assertThat(detail.getString("instance.endActivityId")).isEqualTo("fulfilled");
    assertThat(detail.getList("incidents")).isEmpty();
    assertThat(detail.getString("activities.find { it.activityId == 'shipOrder' }.state"))
        .isEqualTo("CANCELED");
    assertThat(detail.getString("variables.find { it.name == 'trackingNumber' }.value"))
        .isEqualTo("PHONE-1");
    // and the audit log names the operator and the annotation
    Map<String, Object> logged =
        detail.getMap("operations.find { it.operationType == 'ModifyProcessInstance' }");
    assertThat(logged)
        .containsEntry("userId", RoleUsers.of(Roles.OPERATOR))
        .containsEntry("annotation", ANNOTATION);
  }

  @Test
  void shouldNameEachInstructionThatCannotApplyAndChangeNothing() {
    // given
    String id = startOrderWithIncident("refused-" + UUID.randomUUID(), "carrier down");

    // when one valid instruction comes with four that cannot apply
    Response answer =
        modify(
            RoleUsers.as(Roles.OPERATOR),
            id,
            List.of(
                instruction("startBefore", "shipOrder"),
                instruction("cancel", "noSuchStep"),
                instruction("cancel", "chargePayment"),
                instruction("startAfter", "fulfilled"),
                instruction("jump", "shipOrder")),
            Map.of("trackingNumber", "NEVER"),
            ANNOTATION);

    // then each of the four is named, by position and step
    answer.then().statusCode(400).contentType("application/problem+json");
    JsonPath problem = answer.jsonPath();
    assertThat(problem.getList("problems.index", Integer.class)).containsExactly(1, 2, 3, 4);
    assertThat(problem.getList("problems.activityId"))
        .containsExactly("noSuchStep", "chargePayment", "fulfilled", "shipOrder");
    assertThat(problem.getList("problems.message", String.class))
        .satisfiesExactly(
            m -> assertThat(m).contains("no step 'noSuchStep'"),
            m -> assertThat(m).contains("nothing is active at 'chargePayment'"),
            m -> assertThat(m).contains("0 outgoing flows"),
            m -> assertThat(m).contains("'jump'"));
    // and nothing changed: same token, same incident, no variable, nothing logged
    assertUntouched(id);
  }

  @Test
  void shouldRequireAnAnnotationAndAStartForVariables() {
    // given
    String id = startOrderWithIncident("annotation-" + UUID.randomUUID(), "carrier down");
    // when / then
    modify(
            RoleUsers.as(Roles.OPERATOR),
            id,
            List.of(instruction("cancel", "shipOrder")),
            Map.of(),
            " ")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    modify(RoleUsers.as(Roles.OPERATOR), id, List.of(), Map.of(), ANNOTATION)
        .then()
        .statusCode(400);
    modify(
            RoleUsers.as(Roles.OPERATOR),
            id,
            List.of(instruction("cancel", "shipOrder")),
            Map.of("trackingNumber", "NEVER"),
            ANNOTATION)
        .then()
        .statusCode(400)
        .body("detail", containsString("start instruction"));
    assertUntouched(id);
  }

  @Test
  void shouldRestartACompletedInstanceBeforeAStepWithItsLastVariables() {
    // given a completed order
    String businessKey = "restart-" + UUID.randomUUID();
    String id = startOrder(businessKey, 42);
    awaitState(id, "COMPLETED");

    // when an operator restarts it before shipping
    Response answer =
        RoleUsers.as(Roles.OPERATOR)
            .contentType(ContentType.JSON)
            .body(Map.of("activityId", "shipOrder", "annotation", "Parcel lost, ship again"))
            .post("/api/instances/{id}/restart", id);

    // then a new instance of the same version ships again and completes, without charging again
    answer.then().statusCode(201);
    String restarted = answer.path("id");
    assertThat(answer.header("Location")).endsWith("/api/instances/" + restarted);
    assertThat(restarted).isNotEqualTo(id);
    awaitState(restarted, "COMPLETED");
    JsonPath detail = detail(restarted);
    assertThat(detail.getString("instance.businessKey")).isEqualTo(businessKey);
    assertThat(detail.getString("instance.definitionId"))
        .isEqualTo(detail(id).getString("instance.definitionId"));
    assertThat(detail.getList("activities.activityId")).doesNotContain("chargePayment");
    assertThat(detail.getList("variables.name")).contains("orderId", "amount", "paymentId");
    assertThat(effects("shipping", restarted)).hasSize(1);
    assertThat(effects("payment", restarted)).isEmpty();
    // and the engine's log of the restart carries the annotation
    List<String> annotations =
        asDemo()
            .get(
                "/engine-rest/history/user-operation?operationType=RestartProcessInstance"
                    + "&processDefinitionId={definition}&userId={user}",
                detail.getString("instance.definitionId"),
                RoleUsers.of(Roles.OPERATOR))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("annotation");
    assertThat(annotations).contains("Parcel lost, ship again");
  }

  @Test
  void shouldRefuseToRestartARunningInstanceOrFromAnUnknownStep() {
    // given
    String running = startOrderWithIncident("restart-running-" + UUID.randomUUID(), "down");
    String ended = startOrder("restart-unknown-" + UUID.randomUUID(), 7);
    awaitState(ended, "COMPLETED");

    // when / then
    restart(RoleUsers.as(Roles.OPERATOR), running, "shipOrder").then().statusCode(409);
    restart(RoleUsers.as(Roles.OPERATOR), ended, "noSuchStep")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("noSuchStep"));
    restart(RoleUsers.as(Roles.OPERATOR), "no-such-instance", "shipOrder").then().statusCode(404);
    assertThat(restartsOf(ended)).isZero();
  }

  @Test
  void shouldSuspendAndActivateAnInstance() {
    // given
    String id = startOrderWithIncident("suspend-" + UUID.randomUUID(), "carrier down");

    // when
    suspension(RoleUsers.as(Roles.OPERATOR), id, true).then().statusCode(204);

    // then the instance page and the engine both say suspended
    assertThat(detail(id).getBoolean("suspended")).isTrue();
    assertThat(engineSuspended(id)).isTrue();

    // and when activated again
    suspension(RoleUsers.as(Roles.OPERATOR), id, false).then().statusCode(204);
    assertThat(detail(id).getBoolean("suspended")).isFalse();
    assertThat(engineSuspended(id)).isFalse();
  }

  @Test
  void shouldRefuseAnalystsAndWorkersAndChangeNothing() {
    // given a running instance with an incident, a completed one, and a worker
    String id = startOrderWithIncident("refuse-" + UUID.randomUUID(), "carrier down");
    String ended = startOrder("refuse-ended-" + UUID.randomUUID(), 5);
    awaitState(ended, "COMPLETED");
    String definitionId = detail(ended).getString("instance.definitionId");
    String workerId = "repair-it-" + UUID.randomUUID();
    String key =
        asDemo()
            .contentType(ContentType.JSON)
            .body(Map.of("workerId", workerId, "topics", List.of("shipping")))
            .post("/api/workers")
            .then()
            .statusCode(201)
            .extract()
            .path("key");
    List<Supplier<RequestSpecification>> weaker =
        List.of(
            () -> RoleUsers.as(Roles.ANALYST),
            () -> given().auth().preemptive().basic(workerId, key).accept(ContentType.JSON));

    for (Supplier<RequestSpecification> caller : weaker) {
      // when / then: Baton's API and Camunda's REST API both refuse
      List<Map<String, String>> moves =
          List.of(instruction("cancel", "shipOrder"), instruction("startAfter", "shipOrder"));
      modify(caller.get(), id, moves, Map.of(), ANNOTATION).then().statusCode(403);
      restart(caller.get(), ended, "shipOrder").then().statusCode(403);
      suspension(caller.get(), id, true).then().statusCode(403);
      caller
          .get()
          .contentType(ContentType.JSON)
          .body(
              Map.of(
                  "instructions",
                  List.of(
                      Map.of("type", "cancel", "activityId", "shipOrder"),
                      Map.of("type", "startAfterActivity", "activityId", "shipOrder"))))
          .post("/engine-rest/process-instance/{id}/modification", id)
          .then()
          .statusCode(403);
      caller
          .get()
          .contentType(ContentType.JSON)
          .body(
              Map.of(
                  "processInstanceIds",
                  List.of(ended),
                  "instructions",
                  List.of(Map.of("type", "startBeforeActivity", "activityId", "shipOrder"))))
          .post("/engine-rest/process-definition/{id}/restart", definitionId)
          .then()
          .statusCode(403);
    }

    // then nothing changed
    assertUntouched(id);
    assertThat(detail(id).getBoolean("suspended")).isFalse();
    assertThat(restartsOf(ended)).isZero();
  }

  private static void assertUntouched(String id) {
    JsonPath detail = detail(id);
    assertThat(detail.getString("instance.state")).isEqualTo("INCIDENT");
    assertThat(detail.getList("instance.activeActivityIds")).containsExactly("shipOrder");
    assertThat(detail.getList("incidents")).hasSize(1);
    assertThat(detail.getList("variables.name")).doesNotContain("trackingNumber");
    assertThat(detail.getList("operations.operationType")).doesNotContain("ModifyProcessInstance");
  }

  private static Map<String, String> instruction(String type, String activityId) {
    return Map.of("type", type, "activityId", activityId);
  }

  private static Response modify(
      RequestSpecification caller,
      String id,
      List<Map<String, String>> instructions,
      Map<String, Object> variables,
      String annotation) {
    return caller
        .contentType(ContentType.JSON)
        .body(
            Map.of("instructions", instructions, "variables", variables, "annotation", annotation))
        .post("/api/instances/{id}/modification", id);
  }

  private static Response restart(RequestSpecification caller, String id, String activityId) {
    return caller
        .contentType(ContentType.JSON)
        .body(Map.of("activityId", activityId))
        .post("/api/instances/{id}/restart", id);
  }

  private static Response suspension(RequestSpecification caller, String id, boolean suspended) {
    return caller
        .contentType(ContentType.JSON)
        .body(Map.of("suspended", suspended))
        .put("/api/instances/{id}/suspension", id);
  }

  /** How many instances the engine restarted from {@code id}. */
  private static long restartsOf(String id) {
    String businessKey = detail(id).getString("instance.businessKey");
    return asDemo()
        .get("/engine-rest/history/process-instance?processInstanceBusinessKey={key}", businessKey)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("restartedProcessInstanceId")
        .stream()
        .filter(id::equals)
        .count();
  }

  private static boolean engineSuspended(String id) {
    return asDemo()
        .get("/engine-rest/process-instance/{id}", id)
        .then()
        .statusCode(200)
        .extract()
        .path("suspended");
  }

  private static void awaitState(String id, String state) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> state.equals(detail(id).getString("instance.state")));
  }

  private static JsonPath detail(String id) {
    return asDemo()
        .get("/api/instances/{id}/detail", id)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }
}
