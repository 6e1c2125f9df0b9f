package dev.baton.engine.users;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.baton.engine.BatonIT;
import dev.baton.engine.security.RoleUsers;
import dev.baton.engine.security.Roles;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Administrators manage people through Baton's API; everyone changes their own password. */
class UserAdministrationIT extends BatonIT {

  private static final String PASSWORD = "a-long-enough-secret";

  @Test
  void shouldCreateUserWithRoleWhoSignsInWithIt() {
    // given
    String id = uniqueId("ann");

    // when
    asDemo()
        .contentType(ContentType.JSON)
        .body(newUser(id, PASSWORD, List.of(Roles.OPERATOR)))
        .post("/api/users")
        .then()
        .statusCode(201)
        .header("Location", containsString("/api/users/" + id))
        .body("roles", equalTo(List.of(Roles.OPERATOR)))
        .body("name", equalTo("Ann Example"));

    // then the list shows them and they sign in with exactly that role
    JsonPath users = asDemo().get("/api/users").then().statusCode(200).extract().jsonPath();
    assertThat(users.getString("find { it.id == '" + id + "' }.email"))
        .isEqualTo(id + "@example.com");
    assertThat(users.getList("find { it.id == '" + id + "' }.roles"))
        .containsExactly(Roles.OPERATOR);
    as(id, PASSWORD)
        .get("/api/system")
        .then()
        .statusCode(200)
        .body("roles", equalTo(List.of("operator")));
    as(id, PASSWORD).get("/api/instances").then().statusCode(200);
    as(id, PASSWORD).get("/api/users").then().statusCode(403);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{'id':'../x','password':'a-long-enough-secret','roles':['operator']}",
        "{'id':'ok-id-with-dash','password':'a-long-enough-secret','roles':['operator']}",
        "{'id':'ok-id','password':'short','roles':['operator']}",
        "{'id':'ok-id','password':'ok-id-is-inside-it','roles':['operator']}",
        "{'id':'ok-id','password':'a-long-enough-secret','roles':['worker']}",
        "{'id':'ok-id','password':'a-long-enough-secret','roles':['camunda-admin']}",
        "{'id':'ok-id','password':'a-long-enough-secret','roles':[]}",
        "{'id':'ok-id','name':'two\\nlines','password':'a-long-enough-secret','roles':['analyst']}",
        "{'id':'ok-id','password':'a-long-enough-secret','roles':['analyst'],'extra':1}"
      })
  void shouldRejectInvalidUserAndCreateNothing(String body) {
    // given
    String id = uniqueId("bad");
    String json = body.replace('\'', '"').replace("ok-id", id);

    // when
    asDemo()
        .contentType(ContentType.JSON)
        .body(json)
        .post("/api/users")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");

    // then
    assertThat(asDemo().get("/api/users").jsonPath().getList("id")).doesNotContain(id, "../x");
  }

  @Test
  void shouldSetOnlyBatonRolesAndKeepOtherGroups() {
    // given a user who is an analyst
    String id = created(List.of(Roles.ANALYST));

    // when
    asDemo()
        .contentType(ContentType.JSON)
        .body(Map.of("roles", List.of(Roles.OPERATOR, Roles.ADMIN)))
        .put("/api/users/{id}/roles", id)
        .then()
        .statusCode(200)
        .body("roles", equalTo(List.of(Roles.OPERATOR, Roles.ADMIN)));
    asDemo()
        .contentType(ContentType.JSON)
        .body(Map.of("roles", List.of("worker")))
        .put("/api/users/{id}/roles", id)
        .then()
        .statusCode(400);

    // then
    as(id, PASSWORD)
        .get("/api/system")
        .then()
        .body("roles", equalTo(List.of(Roles.ADMIN, Roles.OPERATOR)));
    assertThat(groupsOf(id)).containsExactlyInAnyOrder(Roles.OPERATOR, Roles.ADMIN);
  }

  @Test
  void shouldRefuseOldPasswordAtOnceAfterReset() {
    // given a user whose password was just accepted (so the check is cached)
    String id = created(List.of(Roles.ANALYST));
    as(id, PASSWORD).get("/api/system").then().statusCode(200);

    // when
    asDemo()
        .contentType(ContentType.JSON)
        .body(Map.of("password", "another-long-secret"))
        .put("/api/users/{id}/password", id)
        .then()
        .statusCode(204);

    // then
    as(id, PASSWORD).get("/api/system").then().statusCode(401);
    as(id, "another-long-secret").get("/api/system").then().statusCode(200);
    asDemo()
        .contentType(ContentType.JSON)
        .body(Map.of("password", "short"))
        .put("/api/users/{id}/password", id)
        .then()
        .statusCode(400)
        .body("detail", containsString("at least 12 characters"));
  }

  @Test
  void shouldChangeOwnPasswordOnlyWithCurrentOneAndRefuseOldOneAtOnce() {
    // given a signed-in analyst
    String id = created(List.of(Roles.ANALYST));
    as(id, PASSWORD).get("/api/system").then().statusCode(200);

    // when the current password is wrong, then nothing changes
    as(id, PASSWORD)
        .contentType(ContentType.JSON)
        .body(Map.of("current", "not-the-password", "new", "my-own-new-secret"))
        .put("/api/me/password")
        .then()
        .statusCode(400)
        .body("detail", containsString("current password is wrong"));
    as(id, PASSWORD).get("/api/system").then().statusCode(200);

    // when it is right
    as(id, PASSWORD)
        .contentType(ContentType.JSON)
        .body(Map.of("current", PASSWORD, "new", "my-own-new-secret"))
        .put("/api/me/password")
        .then()
        .statusCode(204);

    // then the old one is refused at once and the new one works
    as(id, PASSWORD).get("/api/system").then().statusCode(401);
    as(id, "my-own-new-secret").get("/api/system").then().statusCode(200);
  }

  @Test
  void shouldRemoveUserWhoThenCannotSignIn() {
    // given
    String id = created(List.of(Roles.OPERATOR));
    as(id, PASSWORD).get("/api/system").then().statusCode(200);

    // when
    asDemo().delete("/api/users/{id}", id).then().statusCode(204);

    // then
    as(id, PASSWORD).get("/api/system").then().statusCode(401);
    assertThat(asDemo().get("/api/users").jsonPath().getList("id")).doesNotContain(id);
    asDemo().delete("/api/users/{id}", id).then().statusCode(404);
  }

  @Test
  void shouldRefuseEveryUserActionToOtherRolesAndChangeNothing() {
    // given
    String id = created(List.of(Roles.ANALYST));
    String newcomer = uniqueId("nope");

    // when each weaker role tries everything
    for (String role : List.of(Roles.ANALYST, Roles.OPERATOR)) {
      RoleUsers.as(role).get("/api/users").then().statusCode(403);
      RoleUsers.as(role)
          .contentType(ContentType.JSON)
          .body(newUser(newcomer, PASSWORD, List.of(Roles.ADMIN)))
          .post("/api/users")
          .then()
          .statusCode(403)
          .contentType("application/problem+json");
      RoleUsers.as(role)
          .contentType(ContentType.JSON)
          .body(Map.of("roles", List.of(Roles.ADMIN)))
          .put("/api/users/{id}/roles", RoleUsers.of(role))
          .then()
          .statusCode(403);
      RoleUsers.as(role)
          .contentType(ContentType.JSON)
          .body(Map.of("password", "taken-over-secret"))
          .put("/api/users/{id}/password", id)
          .then()
          .statusCode(403);
      RoleUsers.as(role).delete("/api/users/{id}", id).then().statusCode(403);
      RoleUsers.as(role).get("/engine-rest/user").then().statusCode(403);
      RoleUsers.as(role).get("/engine-rest/group").then().statusCode(403);
    }

    // then
    assertThat(asDemo().get("/api/users").jsonPath().getList("id"))
        .contains(id)
        .doesNotContain(newcomer);
    as(id, PASSWORD).get("/api/system").then().statusCode(200);
    assertThat(groupsOf(RoleUsers.of(Roles.OPERATOR))).containsExactly(Roles.OPERATOR);
    assertThat(groupsOf(RoleUsers.of(Roles.ANALYST))).containsExactly(Roles.ANALYST);
  }

  @Test
  void shouldRefuseUserIdOfWorkerAndExistingUser() {
    // given
    String id = created(List.of(Roles.ANALYST));
    String workerId = uniqueId("wrk");
    asDemo()
        .contentType(ContentType.JSON)
        .body(Map.of("workerId", workerId, "topics", List.of("admin-it-idle")))
        .post("/api/workers")
        .then()
        .statusCode(201);

    // when / then
    for (String taken : List.of(id, workerId)) {
      asDemo()
          .contentType(ContentType.JSON)
          .body(newUser(taken, PASSWORD, List.of(Roles.ADMIN)))
          .post("/api/users")
          .then()
          .statusCode(409);
    }
    as(workerId, PASSWORD).get("/api/system").then().statusCode(401);
  }

  private static List<String> groupsOf(String userId) {
    return asDemo()
        .get("/engine-rest/group?member={id}", userId)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("id");
  }

  static String created(List<String> roles) {
    String id = uniqueId("u");
    asDemo()
        .contentType(ContentType.JSON)
        .body(newUser(id, PASSWORD, roles))
        .post("/api/users")
        .then()
        .statusCode(201);
    return id;
  }

  static Map<String, Object> newUser(String id, String password, List<String> roles) {
    Map<String, Object> user = new HashMap<>();
    user.put("id", id);
    user.put("name", "Ann Example");
    user.put("email", id + "@example.com");
    user.put("password", password);
    user.put("roles", roles);
    return user;
  }

  static io.restassured.specification.RequestSpecification as(String user, String password) {
    return given().auth().preemptive().basic(user, password).accept(ContentType.JSON);
  }

  static String uniqueId(String prefix) {
    // the engine's user ids are letters and digits
    return prefix + UUID.randomUUID().toString().substring(0, 8);
  }
}
