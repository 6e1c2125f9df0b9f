package dev.baton.engine.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.baton.engine.BatonIT;
import dev.baton.engine.security.RoleUsers;
import dev.baton.engine.security.Roles;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A path under Baton's API that nothing maps (a trailing slash, a typo) is a 404 problem like every
 * other refusal, after the security rules and without running any endpoint.
 */
class UnknownPathIT extends BatonIT {

  @Test
  void shouldAnswerAProblemForATrailingSlashOnAReadEndpoint() {
    // given a person allowed to list instances (the demo administrator)

    // when they ask for the list with a trailing slash
    var answer = asDemo().get("/api/instances/");

    // then
    answer
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404))
        .body("title", equalTo("Not found"))
        .body("detail", equalTo("No such resource: /api/instances/"));
  }

  @Test
  void shouldAnswerAProblemForATrailingSlashOnAChangeAndChangeNothing() {
    // given a person allowed to change their own password
    var analyst = RoleUsers.as(Roles.ANALYST);

    // when they send a password change to the path with a trailing slash
    var answer =
        analyst
            .contentType(ContentType.JSON)
            .body(Map.of("current", "any-current-secret", "new", "a-brand-new-secret"))
            .put("/api/me/password/");

    // then it is a 404 problem, not the endpoint's own 400 for a wrong current password
    answer
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", equalTo("No such resource: /api/me/password/"));
    RoleUsers.as(Roles.ANALYST).get("/api/system").then().statusCode(200);
  }

  @Test
  void shouldStillRefuseAnAnonymousCallerFirst() {
    // when / then
    given().get("/api/instances/").then().statusCode(401);
    given().get("/api/no-such-thing").then().statusCode(401);
  }

  @Test
  void shouldAnswerAProblemForAnUnknownPathWithoutItsQuery() {
    // when
    var answer = asDemo().get("/api/no-such-thing?token=secret");

    // then
    answer
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", equalTo("No such resource: /api/no-such-thing"));
  }

  @Test
  void shouldAnswerAProblemForAMethodAPathDoesNotTake() {
    // when
    var answer = asDemo().delete("/api/system");

    // then
    answer.then().statusCode(405).contentType("application/problem+json");
  }
}
