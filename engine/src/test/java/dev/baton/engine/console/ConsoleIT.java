package dev.baton.engine.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The operator console in headless Chromium: what operators see and the repairs they make. */
class ConsoleIT extends SignedInConsole {

  @Test
  void shouldShowInstanceOnItsDiagramAndRetryItsIncident() {
    // given
    String id = startOrderWithIncident("console-retry-" + UUID.randomUUID(), "carrier down");

    // when
    console.go("#/instances/" + id);

    // then the diagram shows where it stands and what it passed
    console.awaitInstanceState("INCIDENT");
    console.waiting().until(d -> classesOf("shipOrder").contains("incident-activity"));
    console.waiting().until(d -> classesOf("chargePayment").contains("completed-activity"));
    assertThat(classesOf("fulfilled")).doesNotContain("completed-activity");
    console
        .waiting()
        .until(
            d ->
                rows(".js-activity-row").stream()
                    .map(r -> r.getAttribute("data-activity-id"))
                    .toList()
                    .containsAll(List.of("reserveInventory", "chargePayment", "shipOrder")));
    console
        .waiting()
        .until(
            d -> console.find(By.cssSelector(".js-incident")).getText().contains("carrier down"));
    console
        .waiting()
        .until(
            d -> {
              console.find(By.cssSelector(".js-show-stacktrace")).click();
              return true;
            });
    console
        .waiting()
        .until(
            d -> console.find(By.cssSelector(".js-stacktrace")).getText().contains("carrier.Ship"));
    console.screenshot("instance-incident.png");

    // when the operator retries
    console
        .waiting()
        .until(
            d -> {
              console.find(By.cssSelector(".js-retry-incident")).click();
              return true;
            });

    // then the incident is gone and the task waits for a worker again
    console.awaitInstanceState("RUNNING");
    assertThat(incidentsOf(id)).isEmpty();
  }

  @Test
  void shouldRefuseWrongVariableTypeAndSaveValidValueWithAuditEntry() {
    // given
    String id = startOrderWithIncident("console-edit-" + UUID.randomUUID(), "down");
    console.go("#/instances/" + id);
    WebElement amount =
        console
            .waiting()
            .until(d -> d.findElement(By.cssSelector(".js-variable-row[data-name='amount']")));

    // when a value that is not an Integer is saved
    amount.findElement(By.cssSelector(".js-edit-variable")).click();
    WebElement input =
        console.find(By.cssSelector(".js-variable-row[data-name='amount'] .js-variable-input"));
    input.clear();
    input.sendKeys("twelve");
    console.find(By.cssSelector(".js-variable-row[data-name='amount'] .js-save-variable")).click();

    // then it says why and nothing is saved
    console
        .waiting()
        .until(
            d ->
                !d.findElement(
                        By.cssSelector(".js-variable-row[data-name='amount'] .js-variable-error"))
                    .getText()
                    .isBlank());
    assertThat(
            asDemo()
                .get("/api/instances/{id}", id)
                .then()
                .extract()
                .jsonPath()
                .getInt("variables.amount"))
        .isEqualTo(12);

    // and when a valid one is saved
    input = console.find(By.cssSelector(".js-variable-row[data-name='amount'] .js-variable-input"));
    input.clear();
    input.sendKeys("99");
    console.find(By.cssSelector(".js-variable-row[data-name='amount'] .js-save-variable")).click();

    // then the engine has it, and the audit log says who changed it
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                asDemo()
                        .get("/api/instances/{id}", id)
                        .then()
                        .extract()
                        .jsonPath()
                        .getInt("variables.amount")
                    == 99);
    console
        .waiting()
        .until(
            d ->
                d.findElements(By.cssSelector(".js-operation-row")).stream()
                    .anyMatch(
                        r ->
                            "SetVariable".equals(r.getAttribute("data-operation-type"))
                                && r.getText().contains(USER)));
  }

  @Test
  void shouldCancelOnlyAfterConfirmationThatSaysWhatHappens() {
    // given
    String id = startOrderWithIncident("console-cancel-" + UUID.randomUUID(), "down");
    console.go("#/instances/" + id);
    console
        .waiting()
        .until(ExpectedConditions.elementToBeClickable(By.id("js-cancel-instance")))
        .click();

    // when the first dialog is dismissed
    console
        .waiting()
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("js-confirm-dialog")));
    assertThat(console.find(By.id("js-confirm-text")).getText())
        .contains(id)
        .contains("cannot be undone");
    console.find(By.id("js-dismiss")).click();

    // then nothing happened
    assertThat(
            asDemo().get("/api/instances/{id}", id).then().extract().jsonPath().getString("state"))
        .isEqualTo("INCIDENT");

    // and when confirmed
    console.find(By.id("js-cancel-instance")).click();
    console
        .waiting()
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("js-confirm-dialog")));
    console.find(By.id("js-confirm")).click();

    // then
    console.awaitInstanceState("CANCELED");
    assertThat(console.driver().findElements(By.id("js-cancel-instance"))).isEmpty();
  }

  @Test
  void shouldFilterAndPageInstanceListOnTheServer() {
    // given
    String prefix = "console-list-" + UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < 3; i++) {
      startOrder(prefix + "-" + i, 10 + i);
    }

    // when
    console.go("#/instances?businessKeyPrefix=" + prefix + "&size=25");

    // then
    console.waiting().until(d -> rows(".js-instance-row").size() == 3);
    assertThat(console.find(By.id("js-total")).getAttribute("data-total")).isEqualTo("3");
    rows(".js-instance-row").get(0).click();
    console
        .waiting()
        .until(ExpectedConditions.presenceOfElementLocated(By.id("js-instance-state")));
    assertThat(console.driver().getCurrentUrl()).contains("#/instances/");
  }

  @Test
  void shouldRetrySelectedIncidentsAsOneBatchWithProgress() {
    // given
    String marker = UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < 3; i++) {
      startOrderWithIncident("console-bulk-" + marker + "-" + i, "bulk " + marker);
    }
    console.go("#/incidents?message=" + marker);
    console.waiting().until(d -> rows(".js-incident-row").size() == 3);

    // when
    console.find(By.id("js-select-page")).click();
    console.find(By.id("js-retry-selected")).click();
    console
        .waiting()
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("js-confirm-dialog")));
    console.find(By.id("js-confirm")).click();

    // then the batch of three completes, none failed, and no incident stays listed
    console
        .waiting()
        .until(d -> d.findElement(By.id("js-batch-summary")).getText().equals("3 of 3 done"));
    assertThat(console.find(By.id("js-batch-title")).getText()).isEqualTo("Retrying 3 items");
    assertThat(rows(".js-batch-failure")).isEmpty();
    console.waiting().until(d -> rows(".js-incident-row").isEmpty());
    WebElement progress = console.find(By.id("js-progress"));
    assertThat(progress.getAttribute("value")).isEqualTo(progress.getAttribute("max"));
    console.screenshot("incidents-bulk-retry.png");
    assertThat(
            asDemo()
                .get("/api/incidents?message=" + marker)
                .then()
                .extract()
                .jsonPath()
                .getLong("total"))
        .isZero();
  }

  @Test
  void shouldShowWaitingBadgesAndHeatmapOnDefinitionDiagram() {
    // given an instance waiting at shipOrder and history for the others
    startOrderWithIncident("console-heat-" + UUID.randomUUID(), "down");
    String definitionId =
        asDemo()
            .get("/api/definitions")
            .then()
            .extract()
            .path("find { it.key == 'order-fulfillment-remote' }.id");

    // when
    console.go("#/processes/" + definitionId);

    // then
    console
        .waiting()
        .until(
            d ->
                !d.findElements(By.cssSelector(".js-badge-running[data-activity-id='shipOrder']"))
                    .isEmpty());
    assertThat(
            console
                .find(By.cssSelector(".js-badge-incidents[data-activity-id='shipOrder']"))
                .getText())
        .isNotBlank();
    console.find(By.id("js-heatmap-toggle")).click();
    console.waiting().until(d -> classesOf("chargePayment").matches(".*heat-[0-4].*"));
    assertThat(
            console
                .find(By.cssSelector(".js-duration-p50[data-activity-id='chargePayment']"))
                .getText())
        .isNotBlank();
    console.screenshot("definition-heatmap.png");
  }

  @Test
  void shouldShowDashboardCountsAndWorkers() {
    // given
    long running = asDemo().get("/api/dashboard").then().extract().jsonPath().getLong("running");

    // when
    console.go("");

    // then
    console
        .waiting()
        .until(d -> d.findElement(By.id("js-running-count")).getText().matches(".*\\d.*"));
    long shown =
        Long.parseLong(console.find(By.id("js-running-count")).getText().replaceAll("\\D", ""));
    assertThat(shown).isBetween(running - 5, running + 5);
    assertThat(console.driver().findElements(By.cssSelector(".js-chart-bar"))).hasSize(24);
    console.screenshot("dashboard.png");
    console.go("#/workers");
    console
        .waiting()
        .until(d -> !d.findElements(By.cssSelector(".js-topic-row, #js-topics-empty")).isEmpty());
  }

  private List<WebElement> rows(String css) {
    return console.driver().findElements(By.cssSelector(css));
  }

  private String classesOf(String elementId) {
    List<WebElement> shapes =
        console
            .driver()
            .findElements(By.cssSelector(".djs-element[data-element-id='" + elementId + "']"));
    return shapes.isEmpty() ? "" : String.valueOf(shapes.get(0).getAttribute("class"));
  }
}
