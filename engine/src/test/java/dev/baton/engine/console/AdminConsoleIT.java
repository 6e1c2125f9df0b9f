package dev.baton.engine.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.engine.deployments.DeploymentAdminIT;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** An administrator registers a worker, adds a user and deletes a deployment from the console. */
class AdminConsoleIT extends SignedInConsole {

  @Test
  void shouldRegisterWorkerAndShowItsKeyOnlyOnce() {
    // given
    String workerId = "console-" + UUID.randomUUID().toString().substring(0, 8);
    console.go("#/workers");

    // when the admin registers a worker from the workers page
    console
        .waiting()
        .until(ExpectedConditions.elementToBeClickable(By.id("js-register-worker")))
        .click();
    console.waiting().until(d -> d.findElement(By.id("js-worker-id"))).sendKeys(workerId);
    console.find(By.id("js-worker-topics-input")).sendKeys("console-idle");
    console.find(By.id("js-form-submit")).click();

    // then the key is shown once, with a warning, and it works
    WebElement secret =
        console.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("js-secret")));
    String key = secret.getDomProperty("value");
    assertThat(key).hasSizeGreaterThanOrEqualTo(40);
    assertThat(console.find(By.id("js-secret-dialog")).getText())
        .contains("shown only now")
        .contains(workerId);
    console.find(By.id("js-secret-copy")).click();
    console.screenshot("worker-key-once.png");
    io.restassured.RestAssured.given()
        .auth()
        .preemptive()
        .basic(workerId, key)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "workerId",
                workerId,
                "maxTasks",
                1,
                "topics",
                List.of(Map.of("topicName", "console-idle", "lockDuration", 1_000))))
        .post("/engine-rest/external-task/fetchAndLock")
        .then()
        .statusCode(200);
    console.find(By.id("js-secret-done")).click();
    console.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("js-secret")));
    console
        .waiting()
        .until(
            d ->
                !d.findElements(By.cssSelector(".js-worker-row[data-worker-id='" + workerId + "']"))
                    .isEmpty());
    assertThat(console.driver().getPageSource()).doesNotContain(key);
    assertThat(
            console
                .driver()
                .findElements(
                    By.cssSelector(
                        ".js-worker-row[data-worker-id='" + workerId + "'] .js-worker-rotate")))
        .hasSize(1);
  }

  @Test
  void shouldCreateUserWithRoleWhoThenSignsInWithIt() {
    // given
    String id = "cons" + UUID.randomUUID().toString().substring(0, 8);
    String password = "console-made-secret";
    console.go("#/users");

    // when the admin adds an operator
    console.waiting().until(ExpectedConditions.elementToBeClickable(By.id("js-add-user"))).click();
    console.waiting().until(d -> d.findElement(By.id("js-user-id"))).sendKeys(id);
    console.find(By.id("js-user-name")).sendKeys("Olga Operator");
    console.find(By.id("js-user-email")).sendKeys(id + "@example.com");
    console.find(By.id("js-user-password")).sendKeys(password);
    console.find(By.id("js-role-operator")).click();
    console.find(By.id("js-form-submit")).click();

    // then the list shows them with that role
    By row = By.cssSelector(".js-user-row[data-user-id='" + id + "'] .js-user-roles");
    console.waiting().until(d -> "operator".equals(d.findElement(row).getText()));
    console.screenshot("users.png");

    // and they sign in, as an operator who is offered no user administration
    try (ConsoleBrowser olga = ConsoleBrowser.open(port, id, password)) {
      olga.waiting().until(d -> !d.findElements(By.id("js-nav-workers")).isEmpty());
      assertThat(olga.driver().findElements(By.id("js-nav-users"))).isEmpty();
      assertThat(olga.fetchStatus("api/users")).isEqualTo(403);
      olga.go("#/workers");
      olga.waiting().until(d -> !d.findElements(By.cssSelector("#js-workers")).isEmpty());
      assertThat(olga.find(By.id("js-register-worker")).isDisplayed()).isFalse();
    }
  }

  @Test
  void shouldDeleteDeploymentAfterConfirmingItsInstanceCounts() throws IOException {
    // given a deployment with one instance waiting at its external task
    String key = "consoledel-" + UUID.randomUUID().toString().substring(0, 8);
    String deploymentId =
        asDemo()
            .multiPart(
                "file",
                key + ".bpmn",
                DeploymentAdminIT.xml(key).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "application/xml")
            .post("/api/deployments")
            .then()
            .statusCode(201)
            .extract()
            .path("deploymentId");
    asDemo()
        .contentType(ContentType.JSON)
        .body(Map.of("businessKey", key, "variables", Map.of("amount", 5)))
        .post("/api/processes/{key}/instances", key)
        .then()
        .statusCode(201);
    console.go("#/deployments");

    // when the admin deletes it from the deployments page
    By deletion =
        By.cssSelector(
            ".js-deployment-row[data-deployment-id='" + deploymentId + "'] .js-delete-deployment");
    console.waiting().until(ExpectedConditions.elementToBeClickable(deletion));
    console.screenshot("deployments.png");
    console.find(deletion).click();

    // then the confirmation names the counts and asks before cancelling instances
    console
        .waiting()
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("js-confirm-dialog")));
    assertThat(console.find(By.id("js-confirm-text")).getText())
        .contains("1 running instance")
        .contains("0 ended instances");
    console.screenshot("deployment-delete.png");
    console.find(By.id("js-confirm-option")).click();
    console.find(By.id("js-confirm")).click();
    console
        .waiting()
        .until(
            d ->
                d.findElements(
                        By.cssSelector(
                            ".js-deployment-row[data-deployment-id='" + deploymentId + "']"))
                    .isEmpty());
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> asDemo().get("/engine-rest/deployment/{id}", deploymentId).statusCode() == 404);
  }

  @Test
  void shouldShowHistoryCleanupOnTheSystemPage() {
    // when
    console.go("#/system");

    // then
    console
        .waiting()
        .until(d -> d.findElement(By.id("js-cleanup-window")).getText().contains("22:00"));
    assertThat(console.find(By.id("js-cleanup-next-run")).getText()).isNotEqualTo("not scheduled");
    assertThat(
            console
                .driver()
                .findElements(
                    By.cssSelector(".js-cleanup-definition[data-key='order-fulfillment']")))
        .hasSize(1);
    console.screenshot("system-history-cleanup.png");
  }
}
