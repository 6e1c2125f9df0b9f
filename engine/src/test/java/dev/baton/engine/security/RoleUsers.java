package dev.baton.engine.security;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/** One person per role for security tests, created once through Camunda REST by the demo admin. */
public final class RoleUsers {

  private static final java.util.Set<String> CREATED =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  private RoleUsers() {}

  /** The user name of the test person holding only {@code role} (created on first use). */
  public static String of(String role) {
    String id = "sec" + role;
    if (CREATED.contains(id)) {
      return id;
    }
    RequestSpecification demo = given().auth().preemptive().basic("demo", "demo");
    if (demo.get("/engine-rest/user/{id}/profile", id).statusCode() == 404) {
      given()
          .auth()
          .preemptive()
          .basic("demo", "demo")
          .contentType(ContentType.JSON)
          .body(
              Map.of(
                  "profile",
                  Map.of("id", id, "firstName", "Sec", "lastName", role),
                  "credentials",
                  Map.of("password", password(id))))
          .post("/engine-rest/user/create")
          .then()
          .statusCode(204);
      given()
          .auth()
          .preemptive()
          .basic("demo", "demo")
          .put("/engine-rest/group/{group}/members/{user}", role, id)
          .then()
          .statusCode(204);
    }
    CREATED.add(id);
    return id;
  }

  /** A request signed in as the test person of {@code role}. */
  public static RequestSpecification as(String role) {
    String id = of(role);
    return given().auth().preemptive().basic(id, password(id)).accept(ContentType.JSON);
  }

  private static String password(String id) {
    return "pw-" + id + "-long-enough";
  }
}
