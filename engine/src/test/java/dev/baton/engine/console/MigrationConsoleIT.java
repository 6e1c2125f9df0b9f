package dev.baton.engine.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.MigrationProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * An operator migrates running instances from v1 to v2 on the migration screen: the proposed
 * mapping, a mapping Camunda refuses shown on its activity, a dry run, then the batch.
 */
class MigrationConsoleIT extends SignedInConsole {

  private MigrationProcess process;

  @AfterEach
  void deleteTheProcess() {
    if (process != null) {
      process.delete();
    }
  }

  @Test
  void shouldMigrateInstancesFromV1ToV2AndSeeThemOnV2() {
    // given three instances waiting at review on v1, and a v2 without the legacy check
    process = MigrationProcess.deployV1();
    String prefix = "mig-ui-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(MigrationProcess.start(process.v1(), prefix + i));
    }
    process = process.withV2();

    // when the operator opens the migration from v1's page
    console.go("#/processes/" + process.v1());
    console
        .waiting()
        .until(ExpectedConditions.elementToBeClickable(By.id("js-migrate-definition")))
        .click();
    console.waiting().until(d -> d.getCurrentUrl().contains("#/migrations?source="));

    // then review is proposed, numbered 1 on both diagrams, legacyCheck is not mapped
    console.waiting().until(d -> d.findElements(By.cssSelector(".js-mapping-badge")).size() == 2);
    assertThat(console.find(By.id("js-migration-title")).getText())
        .isEqualTo("Migrate Migration v1 v1");
    assertThat(targetOf("review").getFirstSelectedOption().getAttribute("value"))
        .isEqualTo("review");
    assertThat(targetOf("legacyCheck").getFirstSelectedOption().getAttribute("value")).isEmpty();

    // and when legacyCheck is mapped to the manual step and validated, the problem is on it
    targetOf("legacyCheck").selectByValue("check");
    console.find(By.id("js-validate")).click();
    console.waiting().until(d -> !d.findElements(By.cssSelector(".js-problem-badge")).isEmpty());
    assertThat(
            console
                .find(
                    By.cssSelector("[data-source-activity-id='legacyCheck'] .js-mapping-problems"))
                .getText())
        .isNotBlank();
    assertThat(console.find(By.id("js-plan-status")).getText()).contains("cannot run");
    scrollTo(".migration-diagrams");
    console.screenshot("migration-problem.png");

    // and with the proposal back, a dry run of this business key prefix would move all three
    targetOf("legacyCheck").selectByValue("");
    console.find(By.id("js-validate")).click();
    console
        .waiting()
        .until(d -> d.findElement(By.id("js-plan-status")).getText().equals("The plan is valid."));
    console.find(By.id("js-filter-prefix")).sendKeys(prefix);
    console.find(By.id("js-dry-run")).click();
    console
        .waiting()
        .until(
            d ->
                d.findElement(By.id("js-dry-run-summary"))
                    .getText()
                    .startsWith("3 instances selected: 3 would migrate, 0 would fail"));
    assertThat(MigrationProcess.definitionsOf(ids)).containsOnly(process.v1());
    scrollTo("#js-plan-status");
    console.screenshot("migration.png");

    // and when migrated
    console.find(By.id("js-migrate")).click();
    console
        .waiting()
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("js-confirm-dialog")));
    assertThat(console.find(By.id("js-confirm-text")).getText())
        .contains("business key starts with \"" + prefix + "\"")
        .contains("to v2");
    console.find(By.id("js-confirm")).click();

    // then the batch's progress ends in done (the job executor may be busy: a minute), on v2
    console
        .waiting()
        .withTimeout(Duration.ofSeconds(60))
        .withMessage(() -> console.find(By.id("js-migration-summary")).getText())
        .until(
            d ->
                d.findElement(By.id("js-migration-summary"))
                    .getText()
                    .equals("Done: 3 instances migrated to v2."));
    assertThat(MigrationProcess.definitionsOf(ids)).hasSize(3).containsOnly(process.v2());
    console.find(By.id("js-migration-target-link")).click();
    console
        .waiting()
        .until(
            d ->
                java.net.URLDecoder.decode(
                        d.getCurrentUrl(), java.nio.charset.StandardCharsets.UTF_8)
                    .endsWith("#/processes/" + process.v2()));
    console.waiting().until(d -> d.findElement(By.id("js-running-total")).getText().equals("3"));
    assertThat(console.find(By.id("js-definition-name")).getText()).endsWith("v2");
  }

  private void scrollTo(String selector) {
    console
        .driver()
        .executeScript("document.querySelector(arguments[0]).scrollIntoView()", selector);
  }

  private Select targetOf(String sourceActivityId) {
    return new Select(
        console.find(
            By.cssSelector(
                "[data-source-activity-id='" + sourceActivityId + "'] .js-mapping-target")));
  }
}
