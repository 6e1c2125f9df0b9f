package dev.baton.engine.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Repairing an instance in the console: a token moved past a failing step on the diagram. */
class InstanceRepairConsoleIT extends SignedInConsole {

  private static final String ANNOTATION = "Carrier booked by phone, ticket OPS-42";

  @Test
  void shouldMoveTheTokenPastTheFailingStepAndShowTheAnnotation() {
    // given an instance stuck with an incident at its shipping step
    String id = startOrderWithIncident("console-modify-" + UUID.randomUUID(), "carrier down");
    console.go("#/instances/" + id);
    console.awaitInstanceState("INCIDENT");
    console.waiting().until(d -> classesOf("shipOrder").contains("incident-activity"));

    // when the operator plans: cancel the failing step, start after it
    console.find(By.id("js-modify")).click();
    clickStep("shipOrder");
    console.waiting().until(d -> classesOf("shipOrder").contains("plan-cancel"));
    clickStep("shipOrder");
    console
        .waiting()
        .until(ExpectedConditions.elementToBeClickable(By.id("js-choose-startAfter")))
        .click();
    WebElement annotation = console.find(By.id("js-repair-annotation"));
    annotation.sendKeys(ANNOTATION);

    // then the plan is listed and drawn before anything runs
    assertThat(rows(".js-plan-row").stream().map(r -> r.getAttribute("data-type")).toList())
        .containsExactly("cancel", "startAfter");
    assertThat(classesOf("shipOrder")).contains("plan-cancel", "plan-start");
    assertThat(rows(".js-plan-badge")).hasSize(2);
    scrollToCenter(console.find(By.id("js-diagram")));
    console.screenshot("instance-modify.png");

    // and when executed and confirmed
    console.find(By.id("js-repair-execute")).click();
    console
        .waiting()
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("js-confirm-dialog")));
    console.find(By.id("js-confirm")).click();

    // then the instance completes and the operation log shows the annotation
    console.awaitInstanceState("COMPLETED");
    console
        .waiting()
        .until(
            d ->
                rows(".js-operation-row[data-operation-type='ModifyProcessInstance']").stream()
                    .anyMatch(row -> row.getText().contains(ANNOTATION)));
    assertThat(console.find(By.id("js-repair-panel")).isDisplayed()).isFalse();
    scrollToCenter(
        console.find(
            By.cssSelector(".js-operation-row[data-operation-type='ModifyProcessInstance']")));
    console.screenshot("instance-modified.png");
  }

  private void clickStep(String elementId) {
    WebElement shape =
        console.find(By.cssSelector(".djs-element[data-element-id='" + elementId + "']"));
    new Actions(console.driver()).moveToElement(shape).click().perform();
  }

  private void scrollToCenter(WebElement element) {
    console.driver().executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
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
