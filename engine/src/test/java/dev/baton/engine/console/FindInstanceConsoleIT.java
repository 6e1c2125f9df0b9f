package dev.baton.engine.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.engine.instances.CalledInstancesIT;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Finding an instance in the console: through call activities, and from a step of a diagram. */
class FindInstanceConsoleIT extends SignedInConsole {

  @Test
  void shouldGoFromParentToCalledInstanceAndBack() {
    // given a parent waiting at its call activity for the called order process
    deployThroughCamunda(
            CalledInstancesIT.PARENT,
            CalledInstancesIT.PARENT + ".bpmn",
            CalledInstancesIT.parentProcess())
        .then()
        .statusCode(200);
    String key = "console-called-" + UUID.randomUUID();
    String parent = startParent(key);
    String child = calledBy(parent);

    // when the call activity's badge is clicked
    console.go("#/instances/" + parent);
    console.waiting().until(d -> d.findElement(By.cssSelector(".js-badge-called"))).click();

    // then the called instance's page opens and names its parent
    console.waiting().until(d -> d.getCurrentUrl().endsWith("#/instances/" + child));
    WebElement parentLink =
        console.waiting().until(d -> d.findElement(By.id("js-parent-instance")));
    console.waiting().until(d -> parentLink.getText().endsWith(parent));
    assertThat(parentLink.getText()).isEqualTo(CalledInstancesIT.PARENT + " · " + parent);
    console.screenshot("instance-called-by.png");

    // when the parent link is followed, then the parent's page lists what it called
    parentLink.click();
    console.waiting().until(d -> d.getCurrentUrl().endsWith("#/instances/" + parent));
    WebElement called = console.waiting().until(d -> d.findElement(By.id("js-called-instances")));
    console.waiting().until(d -> "1 instance".equals(called.getText()));

    // and the list of root instances leaves the called one out
    console.go("#/instances?businessKey=" + key + "&rootOnly=true");
    console
        .waiting()
        .until(
            d -> ids(d.findElements(By.cssSelector(".js-instance-row"))).equals(List.of(parent)));
  }

  @Test
  void shouldListTheInstancesFailingAtAStepFromItsBadge() {
    // given an instance failing at the shipping step
    String key = "console-at-step-" + UUID.randomUUID();
    String failing = startOrderWithIncident(key, "no courier today");
    String definitionId =
        asDemo().get("/api/instances/{id}", failing).then().extract().path("definitionId");

    // when the step's incident badge is clicked on the definition's diagram
    console.go("#/processes/" + definitionId);
    console
        .waiting()
        .until(
            d -> d.findElement(By.cssSelector(".js-badge-incidents[data-activity-id='shipOrder']")))
        .click();

    // then the list shows the instances failing there, with where they wait and why
    console.waiting().until(d -> d.getCurrentUrl().contains("activityId=shipOrder"));
    assertThat(console.driver().getCurrentUrl()).contains("state=INCIDENT");
    WebElement row =
        console
            .waiting()
            .until(
                d -> d.findElement(By.cssSelector(".js-instance-row[data-id='" + failing + "']")));
    assertThat(row.findElement(By.cssSelector(".js-waiting-at")).getText()).contains("Ship order");
    assertThat(row.findElement(By.cssSelector(".js-incident-message")).getText())
        .isEqualTo("no courier today");
    assertThat(console.find(By.id("js-filter-activity")).getAttribute("value"))
        .isEqualTo("shipOrder");
    console.screenshot("instances-at-step.png");
  }

  private static String startParent(String businessKey) {
    return asDemo()
        .contentType(ContentType.JSON)
        .body(Map.of("businessKey", businessKey, "variables", Map.of("amount", 12)))
        .post("/api/processes/{key}/instances", CalledInstancesIT.PARENT)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static String calledBy(String parent) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                asDemo()
                    .get("/api/instances?parentInstanceId={id}", parent)
                    .then()
                    .extract()
                    .jsonPath()
                    .<String>getList("items.id"),
            list -> list.size() == 1)
        .get(0);
  }

  private static List<String> ids(List<WebElement> rows) {
    return rows.stream().map(row -> row.getAttribute("data-id")).toList();
  }
}
