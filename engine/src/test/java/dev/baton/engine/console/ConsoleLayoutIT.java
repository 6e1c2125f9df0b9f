package dev.baton.engine.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * The console on a narrow window (800 px) and with long process names: the header, the tables and
 * the versions stay usable. Also takes the screenshots of docs/console.md that other tests do not.
 */
class ConsoleLayoutIT extends SignedInConsole {

  private static final String LONG_NAME =
      "Order fulfillment for the wholesale customers of the northern region with manual approval";

  @Test
  void shouldKeepHeaderTablesAndVersionsUsableAt800Pixels() throws Exception {
    // given an instance of a process with a long name
    String key = "long-name-" + UUID.randomUUID().toString().substring(0, 8);
    deployWithName(key, LONG_NAME);
    startInstance(key);
    console.driver().manage().window().setSize(new Dimension(800, 900));

    // when
    console.go("#/instances?definitionKey=" + key);
    console.waiting().until(d -> !d.findElements(By.cssSelector(".js-instance-row")).isEmpty());

    // then the version shows beside the cut name, inside its cell
    WebElement version = console.find(By.cssSelector(".js-instance-row .js-process-version"));
    assertThat(version.getText()).isEqualTo("v1");
    assertThat(insideItsCell(version)).as("version inside its cell").isTrue();
    // the page does not scroll sideways: wide tables scroll in their own box
    assertThat(pageOverflow()).as("page wider than the window by px").isLessThanOrEqualTo(0);
    // every header link is inside the window and inside the header
    assertThat(headerOverflow()).as("header items outside the header or the window").isEmpty();
    console.screenshot("instances-800px.png");
    // and so on the other lists
    Map<String, String> loaded =
        Map.of(
            "", ".js-chart-bar",
            "#/processes", ".js-process-row",
            "#/incidents", ".js-incident-row, #js-empty:not([hidden])",
            "#/batches", ".js-batch-row, #js-empty:not([hidden])",
            "#/workers", ".js-topic-row");
    for (Map.Entry<String, String> page : loaded.entrySet()) {
      String route = page.getKey();
      console.go(route);
      console
          .waiting()
          .withMessage("'" + route + "' to show " + page.getValue())
          .until(d -> !d.findElements(By.cssSelector(page.getValue())).isEmpty());
      assertThat(pageOverflow()).as("page overflow on '%s'", route).isLessThanOrEqualTo(0);
      assertThat(headerOverflow()).as("header overflow on '%s'", route).isEmpty();
    }
  }

  @Test
  void shouldShowProcessesInstancesAndWorkersForTheOperatorsGuide() {
    // given
    String id = startOrder("guide-" + UUID.randomUUID(), 42);

    // when / then
    console.go("#/processes");
    console.waiting().until(d -> !d.findElements(By.cssSelector(".js-process-row")).isEmpty());
    console.screenshot("processes.png");
    console.go("#/instances");
    console
        .waiting()
        .until(
            d ->
                !d.findElements(By.cssSelector(".js-instance-row[data-id='" + id + "']"))
                    .isEmpty());
    console.screenshot("instances.png");
    console.go("#/workers");
    console
        .waiting()
        .until(
            d -> !d.findElements(By.cssSelector(".js-topic-row[data-topic='shipping']")).isEmpty());
    assertThat(
            console
                .find(By.cssSelector(".js-topic-row[data-topic='shipping'] .js-topic-processes"))
                .getText())
        .contains("order-fulfillment-remote");
    console.screenshot("workers.png");
  }

  private boolean insideItsCell(WebElement element) {
    return (Boolean)
        console
            .driver()
            .executeScript(
                "const e = arguments[0].getBoundingClientRect();"
                    + " const c = arguments[0].closest('td').getBoundingClientRect();"
                    + " return e.width > 0 && e.left >= c.left && e.right <= c.right + 0.5;",
                element);
  }

  private long pageOverflow() {
    return (Long)
        console
            .driver()
            .executeScript(
                "return Math.round(document.documentElement.scrollWidth - window.innerWidth);");
  }

  @SuppressWarnings("unchecked")
  private List<String> headerOverflow() {
    return (List<String>)
        console
            .driver()
            .executeScript(
                "const header = document.querySelector('.app-header').getBoundingClientRect();"
                    + " return [...document.querySelectorAll('.app-header a, .app-header button,"
                    + " .app-header .app-user')]"
                    + ".filter(e => { const r = e.getBoundingClientRect();"
                    + " return r.right > window.innerWidth + 0.5 || r.bottom > header.bottom + 0.5"
                    + " || r.top < header.top - 0.5; })"
                    + ".map(e => e.textContent.trim());");
  }

  private static void deployWithName(String key, String name) throws Exception {
    String xml;
    try (var in = ConsoleLayoutIT.class.getResourceAsStream("/bpmn/order-fulfillment.bpmn")) {
      xml =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .replace("\"order-fulfillment\"", "\"" + key + "\"")
              .replaceFirst("(<bpmn:process id=\"" + key + "\" name=\")[^\"]*", "$1" + name);
    }
    asDemo()
        .multiPart("file", key + ".bpmn", xml.getBytes(StandardCharsets.UTF_8), "application/xml")
        .post("/api/deployments")
        .then()
        .statusCode(201);
  }

  private static void startInstance(String key) {
    asDemo()
        .contentType(ContentType.JSON)
        .body(Map.of("businessKey", key, "variables", Map.of("orderId", key, "amount", 5)))
        .post("/api/processes/{key}/instances", key)
        .then()
        .statusCode(201);
  }
}
