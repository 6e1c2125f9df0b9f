package dev.baton.engine.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.batches.WaitingProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/** An operator cancels every instance matching a filter at once and follows the batch. */
class BatchesConsoleIT extends SignedInConsole {

  @Autowired RuntimeService runtime;

  @Test
  void shouldCancelAllMatchingInstancesAndSeeTheBatchComplete() {
    // given 30 waiting instances of a process of their own, more than one page of 25
    WaitingProcess process = WaitingProcess.deploy(false);
    for (int i = 0; i < 30; i++) {
      runtime.startProcessInstanceByKey(process.key(), process.key() + "-" + i);
    }
    console.go("#/instances?definitionKey=" + process.key() + "&state=RUNNING&size=25");
    console
        .waiting()
        .until(
            d ->
                d.findElement(By.id("js-bulk-count"))
                    .getText()
                    .equals("All 30 instances matching this filter:"));

    // when all matching ones are canceled, with a reason
    console.find(By.cssSelector("[data-testid='js-bulk-cancel']")).click();
    console
        .waiting()
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("js-confirm-dialog")));
    assertThat(console.find(By.id("js-confirm-text")).getText())
        .contains("Cancel all 30 instances matching this filter, not only this page?");
    console.find(By.id("js-confirm-reason")).sendKeys("duplicate import");
    console.find(By.id("js-confirm")).click();

    // then the progress reaches all 30, and the list is empty
    console
        .waiting()
        .until(d -> d.findElement(By.id("js-batch-summary")).getText().equals("30 of 30 done"));
    assertThat(console.find(By.id("js-batch-title")).getText()).isEqualTo("Canceling 30 items");
    console.waiting().until(d -> d.findElement(By.id("js-empty")).isDisplayed());
    console.screenshot("instances-cancel-all.png");
    assertThat(
            asDemo()
                .get("/api/instances?definitionKey={key}&state=CANCELED&size=1", process.key())
                .then()
                .extract()
                .jsonPath()
                .getLong("total"))
        .isEqualTo(30);

    // and the batches page shows it completed, by whom and why
    console.find(By.id("js-batch-link")).click();
    console.waiting().until(d -> d.getCurrentUrl().contains("#/batches"));
    WebElement row =
        console
            .waiting()
            .until(
                d ->
                    d.findElement(
                        By.cssSelector(".js-batch-row.selected[data-state='COMPLETED']")));
    console.screenshot("batches.png");
    assertThat(row.getText())
        .contains("Canceling 30 items")
        .contains("Reason: duplicate import")
        .contains(USER)
        .contains("30 of 30 done")
        .contains("Completed");
    assertThat(row.findElements(By.cssSelector(".js-cancel-batch"))).isEmpty();
  }

  @Test
  void shouldSuspendOnlyTheSelectedRows() {
    // given five waiting instances
    WaitingProcess process = WaitingProcess.deploy(false);
    java.util.List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(runtime.startProcessInstanceByKey(process.key(), process.key() + "-" + i).getId());
    }
    console.go("#/instances?definitionKey=" + process.key() + "&state=RUNNING");
    console.waiting().until(d -> d.findElements(By.cssSelector(".js-select-instance")).size() == 5);

    // when two rows are picked and suspended
    console.find(By.cssSelector(".js-select-instance[value='" + ids.get(0) + "']")).click();
    console.find(By.cssSelector(".js-select-instance[value='" + ids.get(3) + "']")).click();
    assertThat(console.find(By.id("js-bulk-count")).getText()).isEqualTo("2 selected instances:");
    console.find(By.cssSelector("[data-testid='js-bulk-suspend']")).click();
    console
        .waiting()
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("js-confirm-dialog")));
    assertThat(console.find(By.id("js-confirm-text")).getText())
        .contains("Suspend the 2 selected instances?");
    console.find(By.id("js-confirm")).click();

    // then those two, and only those, are suspended
    console
        .waiting()
        .until(d -> d.findElement(By.id("js-batch-summary")).getText().equals("2 of 2 done"));
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processDefinitionKey(process.key())
                .suspended()
                .list()
                .stream()
                .map(org.camunda.bpm.engine.runtime.ProcessInstance::getId))
        .containsExactlyInAnyOrder(ids.get(0), ids.get(3));
  }
}
