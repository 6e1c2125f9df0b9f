package dev.baton.engine.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.baton.engine.BatonIT;
import dev.baton.engine.security.BrowserSession;
import dev.baton.engine.security.Roles;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A console session holds what its person is now, not what they were at sign-in: an administrator
 * who is demoted, removed or given a new password loses what they had on their next request.
 */
class SessionRefreshIT extends BatonIT {

  private static final String PASSWORD = "a-long-enough-secret";

  @Test
  void shouldGiveASessionTheRolesItsPersonHasNow() {
    // given an administrator signed in to the console
    String id = UserAdministrationIT.created(List.of(Roles.ADMIN));
    BrowserSession console = signedIn(id, PASSWORD);
    console.request().get("/api/users").then().statusCode(200);

    // when another administrator makes them an operator
    asDemo()
        .contentType(ContentType.JSON)
        .body(Map.of("roles", List.of(Roles.OPERATOR)))
        .put("/api/users/{id}/roles", id)
        .then()
        .statusCode(200);

    // then the same session is an operator's on its next request, and creates no one
    console.request().get("/api/users").then().statusCode(403);
    console
        .request()
        .body(UserAdministrationIT.newUser(id + "x", PASSWORD, List.of(Roles.ADMIN)))
        .post("/api/users")
        .then()
        .statusCode(403);
    console.request().get("/api/instances").then().statusCode(200);
    console.request().get("/api/system").then().body("roles", equalTo(List.of(Roles.OPERATOR)));
    assertThat(userIds()).doesNotContain(id + "x");
  }

  @Test
  void shouldEndEverySessionOfAPersonWhosePasswordWasResetOrWhoWasRemoved() {
    // given two people signed in
    String reset = UserAdministrationIT.created(List.of(Roles.OPERATOR));
    String removed = UserAdministrationIT.created(List.of(Roles.ADMIN));
    BrowserSession resetSession = signedIn(reset, PASSWORD);
    BrowserSession removedSession = signedIn(removed, PASSWORD);

    // when an administrator sets one's password anew and removes the other
    asDemo()
        .contentType(ContentType.JSON)
        .body(Map.of("password", "another-long-secret"))
        .put("/api/users/{id}/password", reset)
        .then()
        .statusCode(204);
    asDemo().delete("/api/users/{id}", removed).then().statusCode(204);

    // then both sessions are over
    resetSession.request().get("/api/instances").then().statusCode(401);
    removedSession.request().get("/api/users").then().statusCode(401);
    // and the new password signs in
    signedIn(reset, "another-long-secret").request().get("/api/instances").then().statusCode(200);
  }

  @Test
  void shouldKeepTheChangersOwnSessionAndEndTheirOtherSessions() {
    // given one person signed in twice (two browsers)
    String id = UserAdministrationIT.created(List.of(Roles.ANALYST));
    BrowserSession here = signedIn(id, PASSWORD);
    BrowserSession elsewhere = signedIn(id, PASSWORD);

    // when they change their password in one of them
    here.request()
        .body(Map.of("current", PASSWORD, "new", "my-brand-new-secret"))
        .put("/api/me/password")
        .then()
        .statusCode(204);

    // then that session goes on and the other one is over
    here.request().get("/api/system").then().statusCode(200);
    elsewhere.request().get("/api/system").then().statusCode(401);
  }

  @Test
  void shouldThrottleWrongCurrentPasswordsLikeSignIns() throws InterruptedException {
    // given a signed-in person
    String id = UserAdministrationIT.created(List.of(Roles.ANALYST));
    BrowserSession session = signedIn(id, PASSWORD);

    // when the session guesses the current password as often as the sign-in allows
    for (int i = 0; i < 5; i++) {
      session
          .request()
          .body(Map.of("current", "guess-" + i, "new", "taken-over-secret"))
          .put("/api/me/password")
          .then()
          .statusCode(400);
    }
    Response refused =
        session
            .request()
            .body(Map.of("current", PASSWORD, "new", "taken-over-secret"))
            .put("/api/me/password");

    // then even the right one is refused for a while, and the password did not change
    refused
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .body("detail", containsString("Too many wrong passwords"));
    long wait = Long.parseLong(refused.header("Retry-After"));
    Thread.sleep(Duration.ofSeconds(wait).toMillis() + 200);
    UserAdministrationIT.as(id, PASSWORD).get("/api/system").then().statusCode(200);
    // and after the wait the right one works (and forgets this address's failures)
    session
        .request()
        .body(Map.of("current", PASSWORD, "new", "taken-over-secret"))
        .put("/api/me/password")
        .then()
        .statusCode(204);
  }

  private static BrowserSession signedIn(String user, String password) {
    BrowserSession session = BrowserSession.open();
    session.signIn(user, password).then().statusCode(200);
    return session;
  }

  private static List<String> userIds() {
    return asDemo().get("/api/users").then().statusCode(200).extract().jsonPath().getList("id");
  }
}
