package dev.baton.engine.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.engine.TimerProcess;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** An operator stops a runaway timer from the definition page, then an admin deletes it. */
class DefinitionLifecycleConsoleIT extends SignedInConsole {

  private TimerProcess timer;

  @AfterEach
  void deleteTheTimer() {
    // a timer left firing every second would start instances under every later test
    if (timer != null) {
      timer.deleteIfPresent();
    }
  }

  @Test
  void shouldSuspendARunawayTimerAndThenDeleteItsDeployment() throws InterruptedException {
    // given a timer start event starting an instance every second
    timer = TimerProcess.deployEndingAtOnce();
    await().atMost(Duration.ofSeconds(30)).until(() -> timer.started() >= 2);
    console.go("#/processes/" + timer.definitionId());

    // when the definition is suspended from its page
    console
        .waiting()
        .until(ExpectedConditions.elementToBeClickable(By.id("js-suspend-definition")))
        .click();
    console
        .waiting()
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("js-confirm-dialog")));
    assertThat(console.find(By.id("js-confirm-text")).getText())
        .contains("No new instances will start, timer starts stop");
    console.find(By.id("js-confirm")).click();

    // then the page shows the new state without a refresh, and no instance starts any more
    console
        .waiting()
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("js-suspended-badge")));
    assertThat(console.find(By.id("js-suspend-definition")).getText()).isEqualTo("Activate…");
    console.screenshot("definition-suspended.png");
    Thread.sleep(1_000); // a timer job already running when the suspension committed may end
    long suspendedAt = timer.started();
    Thread.sleep(3_000);
    assertThat(timer.started()).isEqualTo(suspendedAt);

    // and when its deployment is deleted
    console.find(By.id("js-delete-deployment")).click();
    console
        .waiting()
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("js-confirm-dialog")));
    assertThat(console.find(By.id("js-confirm-text")).getText())
        .contains(timer.deploymentId())
        .contains("Every second v1")
        .contains("cannot be undone");
    console.find(By.id("js-confirm")).click();

    // then the processes list says so and the definition is gone
    console.waiting().until(d -> d.getCurrentUrl().endsWith("#/processes"));
    console
        .waiting()
        .until(d -> d.findElement(By.id("js-notice")).getText().contains(timer.deploymentId()));
    asDemo().get("/api/definitions/{id}", timer.definitionId()).then().statusCode(404);
    console.waiting().until(d -> !d.findElements(By.cssSelector(".js-process-row")).isEmpty());
    assertThat(
            console
                .driver()
                .findElements(By.cssSelector(".js-process-row[data-key='" + timer.key() + "']")))
        .isEmpty();
  }
}
