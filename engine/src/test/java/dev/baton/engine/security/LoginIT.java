package dev.baton.engine.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.baton.engine.BatonIT;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console's sign-in over HTTP: form sign-in and session, CSRF on session changes, HTTP Basic
 * untouched by both, throttling of repeated failures, sign-out.
 */
class LoginIT extends BatonIT {

  @Autowired private IdentityService identity;

  @Test
  void shouldStartSessionWithHttpOnlyLaxCookieOnFormSignIn() {
    // given
    BrowserSession browser = BrowserSession.open();

    // when
    Response signIn = browser.signIn(USER, USER);

    // then
    signIn.then().statusCode(200).body("user", equalTo(USER));
    assertThat(setCookie(signIn, "JSESSIONID"))
        .contains("HttpOnly")
        .contains("SameSite=Lax")
        .doesNotContain("Secure");
    browser.request().get("/api/system").then().statusCode(200).body("user", equalTo(USER));
  }

  @Test
  void shouldRefuseSessionChangeWithoutCsrfTokenAndAcceptItWithToken() {
    // given
    String id = startOrderWithIncident("login-csrf-" + UUID.randomUUID(), "down");
    BrowserSession browser = BrowserSession.open();
    browser.signIn(USER, USER).then().statusCode(200);

    // when the token is missing
    Response refused = browser.withoutToken().body(Map.of("reason", "csrf")).post(cancelPath(id));

    // then
    refused
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("detail", containsString("CSRF"));
    assertThat(stateOf(id)).isEqualTo("INCIDENT");

    // and when it is sent
    browser.request().body(Map.of("reason", "csrf")).post(cancelPath(id)).then().statusCode(204);

    // then
    assertThat(stateOf(id)).isEqualTo("CANCELED");
  }

  @Test
  void shouldAcceptBasicChangesWithoutCsrfTokenAndStartNoSession() {
    // given
    String id = startOrderWithIncident("login-basic-" + UUID.randomUUID(), "down");

    // when
    Response response =
        asDemo().contentType(ContentType.JSON).body(Map.of("reason", "basic")).post(cancelPath(id));

    // then
    response.then().statusCode(204);
    assertThat(response.headers().getValues("Set-Cookie")).isEmpty();
    assertThat(stateOf(id)).isEqualTo("CANCELED");
  }

  @Test
  void shouldThrottleFailedFormSignInsWith429AndGrowingRetryAfter() {
    // given an unknown name (Camunda locks known users by itself) failing the limit
    String intruder = "intruder-" + UUID.randomUUID();
    BrowserSession browser = BrowserSession.open();
    for (int i = 0; i < 5; i++) {
      browser.signIn(intruder, "guess-" + i).then().statusCode(401);
    }

    // when
    Response refused = browser.signIn(intruder, "guess-5");

    // then the next attempt is refused before any password check, by form and by Basic alike
    refused
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .body("detail", containsString("Too many failed sign-ins"));
    long firstWait = Long.parseLong(refused.header("Retry-After"));
    assertThat(firstWait).isBetween(1L, 2L);
    given()
        .auth()
        .preemptive()
        .basic(intruder, "guess-6")
        .get("/api/system")
        .then()
        .statusCode(429);

    // and after the wait, a right password signs in and forgets this address's failures
    awaitSignIn(browser, firstWait);
    // while another failure of the same name is refused for longer
    browser.signIn(intruder, "guess-7").then().statusCode(401);
    Response again = browser.signIn(intruder, "guess-8");
    again.then().statusCode(429);
    assertThat(Long.parseLong(again.header("Retry-After"))).isGreaterThan(firstWait);
  }

  @Test
  void shouldLetTheRightPasswordInRightAfterWrongOnesAndNeverLockTheUserForGood() {
    // given an operator of its own (Camunda accepts only letters and digits in user ids)
    String user = "lockless" + UUID.randomUUID().toString().substring(0, 8);
    User entity = identity.newUser(user);
    entity.setPassword("right-" + user);
    identity.saveUser(entity);
    identity.createMembership(user, Roles.OPERATOR);
    try {
      // when a wrong password comes over HTTP, the right one follows at once
      given()
          .auth()
          .preemptive()
          .basic(user, "wrong")
          .get("/api/definitions")
          .then()
          .statusCode(401);

      // then it is let in, with no wait for an engine-side lock
      given()
          .auth()
          .preemptive()
          .basic(user, "right-" + user)
          .get("/api/definitions")
          .then()
          .statusCode(200);

      // and more wrong passwords than the engine's old limit of 10 do not lock the user for good
      for (int i = 0; i < 12; i++) {
        assertThat(identity.checkPassword(user, "guess-" + i)).isFalse();
      }
      assertThat(identity.checkPassword(user, "right-" + user)).isTrue();
    } finally {
      identity.deleteUser(user);
    }
  }

  @Test
  void shouldThrottleFailedBasicSignInsAndLetTheRightOneInAfterTheBackOff() {
    // given
    String intruder = "basic-intruder-" + UUID.randomUUID();
    for (int i = 0; i < 5; i++) {
      given()
          .auth()
          .preemptive()
          .basic(intruder, "guess-" + i)
          .get("/api/definitions")
          .then()
          .statusCode(401);
    }

    // when
    Response refused =
        given().auth().preemptive().basic(intruder, "guess-5").get("/api/definitions");

    // then
    refused.then().statusCode(429).contentType("application/problem+json");
    assertThat(refused.header("Retry-After")).isNotBlank();
    // the address is held too: even the right password waits
    asDemo().get("/api/definitions").then().statusCode(429);
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> asDemo().get("/api/definitions").statusCode() == 200);
  }

  @Test
  void shouldEndSessionOnLogout() {
    // given
    BrowserSession browser = BrowserSession.open();
    browser.signIn(USER, USER).then().statusCode(200);

    // when sign-out comes without the token
    browser.withoutToken().post("/logout").then().statusCode(403);

    // then the session lives on
    browser.request().get("/api/system").then().statusCode(200);

    // and when it comes with the token
    Response logout = browser.request().post("/logout");

    // then
    logout.then().statusCode(204);
    assertThat(setCookie(logout, "JSESSIONID")).contains("Max-Age=0");
    browser.request().get("/api/system").then().statusCode(401);
  }

  @Test
  void shouldSendSecurityHeadersWithTheLoginPage() {
    // when
    Response page = given().accept(ContentType.HTML).get("/login.html");

    // then
    page.then()
        .statusCode(200)
        .contentType(ContentType.HTML)
        .header("X-Content-Type-Options", "nosniff")
        .header("X-Frame-Options", "SAMEORIGIN")
        .header("Referrer-Policy", "same-origin")
        .header("Content-Security-Policy", containsString("script-src 'self';"));
    assertThat(page.header("Strict-Transport-Security")).as("HSTS outside prod").isNull();
    assertThat(setCookie(page, "XSRF-TOKEN")).contains("SameSite=Lax").doesNotContain("HttpOnly");
  }

  private void awaitSignIn(BrowserSession browser, long seconds) {
    await()
        .pollDelay(Duration.ofSeconds(seconds))
        .atMost(Duration.ofSeconds(seconds + 10))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> browser.signIn(USER, USER).statusCode() == 200);
  }

  private static String cancelPath(String id) {
    return "/api/instances/" + id + "/cancel";
  }

  private static String stateOf(String id) {
    return asDemo().get("/api/instances/{id}", id).then().extract().path("state");
  }

  /** The Set-Cookie line for one cookie, or "" when the answer sets none. */
  static String setCookie(Response response, String name) {
    List<String> lines = response.headers().getValues("Set-Cookie");
    return lines.stream().filter(l -> l.startsWith(name + "=")).findFirst().orElse("");
  }
}
