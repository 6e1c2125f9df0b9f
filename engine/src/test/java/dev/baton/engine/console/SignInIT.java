package dev.baton.engine.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.BatonIT;
import dev.baton.engine.security.Roles;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Signing in to the console in headless Chromium, as an operator does: the login page, a wrong
 * password, the console under the session, a repair (a change that needs the CSRF token), signing
 * out.
 */
class SignInIT extends BatonIT {

  @Autowired private IdentityService identity;

  // Camunda accepts only letters and digits in user ids
  private final String user = "signin" + UUID.randomUUID().toString().substring(0, 8);
  private final String password = "pw-" + UUID.randomUUID();
  private ConsoleBrowser console;

  @BeforeAll
  static void requireChromium() {
    ConsoleBrowser.requireChromium();
  }

  @BeforeEach
  void createOperator() {
    asDemo()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "profile",
                Map.of("id", user, "firstName", "Sign", "lastName", "In"),
                "credentials",
                Map.of("password", password)))
        .post("/engine-rest/user/create")
        .then()
        .statusCode(204);
    asDemo()
        .put("/engine-rest/group/{group}/members/{user}", Roles.OPERATOR, user)
        .then()
        .statusCode(204);
  }

  @AfterEach
  void cleanUp() {
    try {
      if (console != null) {
        console.close();
      }
    } finally {
      asDemo().delete("/engine-rest/user/{id}", user).then().statusCode(204);
    }
  }

  @Test
  void shouldSignInThroughTheLoginPageRepairWithTheSessionAndSignOut() {
    // given an incident, and a browser without a session opening it
    String id = startOrderWithIncident("signin-" + UUID.randomUUID(), "carrier down");
    console = ConsoleBrowser.open(port, null, null);
    console.go("#/instances/" + id);
    console.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("js-login-form")));
    assertThat(console.driver().getCurrentUrl()).endsWith("/login.html#/instances/" + id);

    // when the password is wrong
    console.submitSignIn(user, "not-" + password);

    // then the page says so and stays
    console
        .waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("js-login-error"), "Wrong user name or password"));
    assertThat(console.driver().getCurrentUrl()).contains("/login.html");
    assertThat(console.driver().findElements(By.id("js-main"))).isEmpty();
    console.screenshot("login-wrong-password.png");

    // when the right one follows at once
    console.submitSignIn(user, password);

    // then the console opens where the user was going, with the user's name in the header
    console.waiting().until(ExpectedConditions.textToBe(By.id("js-header-user"), user));
    console.awaitInstanceState("INCIDENT");

    // when the operator retries the incident (a POST carrying the session and the CSRF token)
    console
        .waiting()
        .until(ExpectedConditions.elementToBeClickable(By.cssSelector(".js-retry-incident")))
        .click();

    // then it worked, and the operation log names the user
    console.awaitInstanceState("RUNNING");
    assertThat(incidentsOf(id)).isEmpty();
    console
        .waiting()
        .until(
            d ->
                d.findElements(By.cssSelector(".js-operation-row")).stream()
                    .anyMatch(row -> row.getText().contains(user)));
    assertThat(console.cspViolations()).as("CSP violations on the instance page").isEmpty();

    // when signing out
    console.find(By.id("js-logout")).click();

    // then back on the login page, and the session is gone for the API too
    console.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("js-login-form")));
    assertThat(console.driver().getCurrentUrl()).contains("/login.html");
    assertThat(console.fetchStatus("api/system")).isEqualTo(401);
    console.go("#/dashboard");
    console.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("js-login-form")));
  }
}
