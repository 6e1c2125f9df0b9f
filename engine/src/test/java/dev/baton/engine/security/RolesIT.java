package dev.baton.engine.security;

import static io.restassured.RestAssured.given;

import dev.baton.engine.BatonIT;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Roles: people get what their group allows, and a 403 problem for the rest. */
class RolesIT extends BatonIT {

  @Test
  void shouldKeepIdentityAndWorkerKeysForAdministrators() {
    // given an operator who is not an administrator
    String operator = user(Roles.OPERATOR);

    // when / then
    as(operator)
        .get("/engine-rest/user")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    as(operator).get("/engine-rest/group").then().statusCode(403);
    as(operator).get("/engine-rest/authorization").then().statusCode(403);
    as(operator)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "workerId",
                "w-" + UUID.randomUUID().toString().substring(0, 8),
                "topics",
                java.util.List.of("t")))
        .post("/api/workers")
        .then()
        .statusCode(403);
    as(operator).delete("/engine-rest/deployment/{id}", "any").then().statusCode(403);
    as(operator).get("/api/instances").then().statusCode(200);
  }

  @Test
  void shouldLetOnlyAnalystsDeployAndOnlyOperatorsRepair() {
    // given
    String analyst = user(Roles.ANALYST);
    String operator = user(Roles.OPERATOR);
    String id = startOrderWithIncident("roles-" + UUID.randomUUID(), "down");

    // when / then
    as(operator)
        .multiPart(
            "file",
            "x.bpmn",
            "<x/>".getBytes(java.nio.charset.StandardCharsets.UTF_8),
            "application/xml")
        .post("/api/deployments")
        .then()
        .statusCode(403);
    as(analyst)
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/api/instances/{id}/cancel", id)
        .then()
        .statusCode(403);
    as(analyst)
        .contentType(ContentType.JSON)
        .body("{\"type\":\"Integer\",\"value\":1}")
        .put("/api/instances/{id}/variables/amount", id)
        .then()
        .statusCode(403);
    as(analyst).get("/api/definitions").then().statusCode(200);
    as(operator)
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/api/instances/{id}/cancel", id)
        .then()
        .statusCode(204);
  }

  @Test
  void shouldApplyPasswordRoleAndUserChangesAtOnceDespiteRememberedSignIns() {
    // given an operator whose password check has just been remembered
    String operator = user(Roles.OPERATOR);
    as(operator).get("/api/instances").then().statusCode(200);

    // when an administrator changes the password, the old one fails at once and the new one works
    asDemo()
        .contentType(ContentType.JSON)
        .body(Map.of("password", "new-" + operator, "authenticatedUserPassword", "demo"))
        .put("/engine-rest/user/{id}/credentials", operator)
        .then()
        .statusCode(204);
    as(operator).get("/api/instances").then().statusCode(401);
    as(operator, "new-" + operator).get("/api/instances").then().statusCode(200);

    // when the operator leaves the group, the role is gone at once
    asDemo()
        .delete("/engine-rest/group/{group}/members/{user}", Roles.OPERATOR, operator)
        .then()
        .statusCode(204);
    as(operator, "new-" + operator)
        .get("/api/instances")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");

    // when the user is deleted, the password no longer signs in
    asDemo().delete("/engine-rest/user/{id}", operator).then().statusCode(204);
    as(operator, "new-" + operator).get("/api/definitions").then().statusCode(401);
  }

  /** A new user in one group, created through Camunda's REST API by the demo administrator. */
  private static String user(String group) {
    String id = group + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    asDemo()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "profile",
                Map.of("id", id, "firstName", id, "lastName", group),
                "credentials",
                Map.of("password", "pw-" + id)))
        .post("/engine-rest/user/create")
        .then()
        .statusCode(204);
    asDemo().put("/engine-rest/group/{group}/members/{user}", group, id).then().statusCode(204);
    return id;
  }

  private static io.restassured.specification.RequestSpecification as(String user) {
    return as(user, "pw-" + user);
  }

  private static io.restassured.specification.RequestSpecification as(
      String user, String password) {
    return given().auth().preemptive().basic(user, password).accept(ContentType.JSON);
  }
}
