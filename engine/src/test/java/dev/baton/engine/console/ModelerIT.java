package dev.baton.engine.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The analyst's modeler in headless Chromium: edit, lint, compare, deploy. */
class ModelerIT extends SignedInConsole {

  static final Path BPMN = Path.of("..", "process-definitions", "src", "main", "resources", "bpmn");

  @Test
  void shouldEditLintCompareAndDeployANewVersion() throws IOException {
    // given a process of its own (so other tests keep the reference one), deployed as version 1
    String key = "modeler-" + UUID.randomUUID().toString().substring(0, 8);
    String definitionId =
        asDemo()
            .multiPart(
                "file",
                key + ".bpmn",
                withKey(key).getBytes(StandardCharsets.UTF_8),
                "application/xml")
            .post("/api/deployments")
            .then()
            .statusCode(201)
            .extract()
            .path("definitions[0].id");
    console.go("#/modeler?definition=" + definitionId);
    WebElement ship = shape("shipOrder");

    // when the analyst renames a task
    new Actions(console.driver()).doubleClick(ship).perform();
    console
        .waiting()
        .until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".djs-direct-editing-content")));
    // the label editor has the focus: type into it as a person would
    new Actions(console.driver())
        .keyDown(Keys.CONTROL)
        .sendKeys("a")
        .keyUp(Keys.CONTROL)
        .sendKeys("Ship the parcel")
        .sendKeys(Keys.ENTER)
        .perform();
    console
        .waiting()
        .until(ExpectedConditions.attributeToBe(By.id("js-dirty-indicator"), "data-dirty", "true"));

    // and appends a service task bound to nothing
    shape("shipOrder").click();
    console
        .find(By.cssSelector(".djs-context-pad .entry[data-action='append.append-task']"))
        .click();
    console
        .waiting()
        .until(
            d ->
                !d.findElements(By.cssSelector(".djs-context-pad .entry[data-action='replace']"))
                    .isEmpty());
    console.find(By.cssSelector(".djs-context-pad .entry[data-action='replace']")).click();
    console
        .waiting()
        .until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector(".djs-popup [data-id='replace-with-service-task']")))
        .click();

    // then lint flags it
    WebElement issue =
        console
            .waiting()
            .until(
                d ->
                    d.findElements(By.cssSelector(".js-lint-issue")).stream()
                        .filter(i -> i.getText().contains("bound to nothing"))
                        .findFirst()
                        .orElse(null));
    String added = issue.getAttribute("data-element-id");
    assertThat(added).isNotBlank();

    // and when it is bound to an adapter, the issue goes away
    issue.click();
    new Select(
            console
                .waiting()
                .until(ExpectedConditions.elementToBeClickable(By.id("js-binding-kind"))))
        .selectByValue("adapter");
    new Select(
            console
                .waiting()
                .until(ExpectedConditions.elementToBeClickable(By.id("js-binding-adapter"))))
        .selectByValue("payment-charge");
    console
        .waiting()
        .until(
            d ->
                d.findElements(By.cssSelector(".js-lint-issue")).stream()
                    .noneMatch(
                        i ->
                            added.equals(i.getAttribute("data-element-id"))
                                && i.getText().contains("bound")));

    // and the compare view marks what changed against the deployed version
    console.find(By.id("js-compare")).click();
    console
        .waiting()
        .until(d -> diffRows().containsKey(added) && diffRows().containsKey("shipOrder"));
    assertThat(diffRows()).containsEntry(added, "added").containsEntry("shipOrder", "changed");
    console.screenshot("modeler-compare.png");

    // and deploying makes version 2, shown on the Processes screen
    console.find(By.id("js-deploy")).click();
    console
        .waiting()
        .until(ExpectedConditions.attributeToBe(By.id("js-deploy-result"), "data-version", "2"));
    console
        .waiting()
        .until(
            ExpectedConditions.attributeToBe(By.id("js-dirty-indicator"), "data-dirty", "false"));
    console.go("#/processes");
    console
        .waiting()
        .until(
            d ->
                !d.findElements(
                        By.cssSelector(".js-process-row[data-key='" + key + "'][data-version='2']"))
                    .isEmpty());
    String latest =
        asDemo()
            .get("/api/definitions/{key}/versions", key)
            .then()
            .extract()
            .jsonPath()
            .getString("[0].id");
    String xml =
        asDemo()
            .accept("application/xml")
            .get("/api/definitions/{id}/xml", latest)
            .then()
            .extract()
            .asString();
    assertThat(xml).contains("Ship the parcel").contains("value=\"payment-charge\"");

    // and what the modeler wrote is what the engine executes: version 2 runs the added task
    String instance =
        asDemo()
            .contentType("application/json")
            .body(Map.of("businessKey", key, "variables", Map.of("orderId", key, "amount", 5)))
            .post("/api/processes/{key}/instances", key)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(
            () ->
                "COMPLETED"
                    .equals(
                        asDemo()
                            .get("/api/instances/{id}", instance)
                            .then()
                            .extract()
                            .path("state")));
    asDemo()
        .get(
            "/engine-rest/history/activity-instance?processInstanceId={id}&activityId={added}",
            instance,
            added)
        .then()
        .statusCode(200)
        .body("size()", org.hamcrest.Matchers.equalTo(1));
  }

  @Test
  void shouldShowErrorForBadFileAndKeepTheDiagram() throws IOException {
    // given
    console.go("#/modeler");
    console
        .waiting()
        .until(d -> !d.findElements(By.cssSelector(".djs-element[data-element-id]")).isEmpty());
    Path bad = Files.createTempFile("broken-", ".bpmn");
    Files.writeString(bad, "<bpmn:definitions oops");

    // when
    console.find(By.id("js-file-input")).sendKeys(bad.toAbsolutePath().toString());

    // then
    console
        .waiting()
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("js-modeler-error")));
    assertThat(console.find(By.id("js-modeler-error")).getText()).contains("broken-");
    assertThat(console.driver().findElements(By.cssSelector(".djs-element[data-element-id]")))
        .isNotEmpty();
  }

  @Test
  void shouldSelectTheElementOfALintIssueOpenItsBatonGroupAndZoom() throws IOException {
    // given a diagram with a named service task bound to nothing
    console.go("#/modeler");
    console
        .waiting()
        .until(d -> !d.findElements(By.cssSelector(".djs-element[data-element-id]")).isEmpty());
    Path file = Files.createTempFile("unbound-", ".bpmn");
    Files.writeString(file, UNBOUND_TASK);
    console.find(By.id("js-file-input")).sendKeys(file.toAbsolutePath().toString());
    WebElement issue =
        console
            .waiting()
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".js-lint-issue[data-element-id='chargeCard']")));

    // then the issue names the task by its name
    assertThat(issue.findElement(By.cssSelector(".js-issue-element")).getText())
        .isEqualTo("Charge the card");

    // and when the analyst folds the Baton group away and selects the start event instead
    shape("chargeCard").click();
    console
        .waiting()
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("js-binding-kind")));
    console
        .find(By.cssSelector("[data-group-id='group-baton'] .bio-properties-panel-group-header"))
        .click();
    console
        .waiting()
        .until(ExpectedConditions.invisibilityOfElementLocated(By.id("js-binding-kind")));
    shape("start").click();
    console
        .waiting()
        .until(
            ExpectedConditions.numberOfElementsToBe(
                By.cssSelector(".djs-element.selected[data-element-id='chargeCard']"), 0));

    // and clicks the issue
    console.find(By.cssSelector(".js-lint-issue[data-element-id='chargeCard']")).click();

    // then the task is selected and its Baton group is open
    console
        .waiting()
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".djs-element.selected[data-element-id='chargeCard']")));
    new Select(
            console
                .waiting()
                .until(ExpectedConditions.elementToBeClickable(By.id("js-binding-kind"))))
        .selectByValue("adapter");

    // and the adapter picker says what the chosen adapter calls, sends and returns
    new Select(
            console
                .waiting()
                .until(ExpectedConditions.elementToBeClickable(By.id("js-binding-adapter"))))
        .selectByValue("payment-charge");
    String info =
        console
            .waiting()
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("js-binding-adapter-info")))
            .getText();
    assertThat(info).contains("POST /demo/payment/charge", "orderId, amount", "paymentId");

    // and the zoom buttons zoom the canvas in, out and back to fit
    int fitted = shape("chargeCard").getRect().getWidth();
    console.find(By.id("js-zoom-in")).click();
    console.waiting().until(d -> shape("chargeCard").getRect().getWidth() > fitted);
    console.find(By.id("js-zoom-out")).click();
    console.find(By.id("js-zoom-out")).click();
    console.waiting().until(d -> shape("chargeCard").getRect().getWidth() < fitted);
    console.find(By.id("js-zoom-fit")).click();
    console.waiting().until(d -> shape("chargeCard").getRect().getWidth() == fitted);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"order-fulfillment.bpmn", "order-fulfillment-remote.bpmn"})
  void shouldKeepEveryCamundaAttributeThroughOpenAndSave(String file) throws Exception {
    // given a download folder for the browser
    Path downloads = Files.createTempDirectory("baton-downloads-");
    console
        .driver()
        .executeCdpCommand(
            "Browser.setDownloadBehavior",
            Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    console.go("#/modeler");
    console
        .waiting()
        .until(d -> !d.findElements(By.cssSelector(".djs-element[data-element-id]")).isEmpty());

    // when the file is opened and saved again
    console
        .find(By.id("js-file-input"))
        .sendKeys(BPMN.resolve(file).toAbsolutePath().normalize().toString());
    console
        .waiting()
        .until(
            d ->
                !d.findElements(By.cssSelector(".djs-element[data-element-id='reserveInventory']"))
                    .isEmpty());
    console.find(By.id("js-download-bpmn")).click();
    Path saved =
        console
            .waiting()
            .until(
                d -> {
                  try (var files = Files.list(downloads)) {
                    return files
                        .filter(f -> f.toString().endsWith(".bpmn"))
                        .findFirst()
                        .orElse(null);
                  } catch (IOException e) {
                    return null;
                  }
                });

    // then every camunda: attribute and extension survived
    assertThat(CamundaFacts.of(Files.readString(saved)))
        .containsExactlyInAnyOrderElementsOf(CamundaFacts.of(Files.readString(BPMN.resolve(file))));
  }

  private WebElement shape(String elementId) {
    return console
        .waiting()
        .until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector(".djs-element.djs-shape[data-element-id='" + elementId + "']")));
  }

  private Map<String, String> diffRows() {
    Map<String, String> rows = new java.util.HashMap<>();
    for (WebElement row : console.driver().findElements(By.cssSelector(".js-diff-row"))) {
      rows.put(row.getAttribute("data-element-id"), row.getAttribute("data-change"));
    }
    return rows;
  }

  /** A start event, a service task "Charge the card" bound to nothing, an end event. */
  static final String UNBOUND_TASK =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
          xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
          xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
          id="unbound-definitions" targetNamespace="http://bpmn.io/schema/bpmn">
        <bpmn:process id="unbound" isExecutable="true" camunda:historyTimeToLive="P30D">
          <bpmn:startEvent id="start"><bpmn:outgoing>toCharge</bpmn:outgoing></bpmn:startEvent>
          <bpmn:sequenceFlow id="toCharge" sourceRef="start" targetRef="chargeCard" />
          <bpmn:serviceTask id="chargeCard" name="Charge the card">
            <bpmn:incoming>toCharge</bpmn:incoming><bpmn:outgoing>toEnd</bpmn:outgoing>
          </bpmn:serviceTask>
          <bpmn:sequenceFlow id="toEnd" sourceRef="chargeCard" targetRef="end" />
          <bpmn:endEvent id="end"><bpmn:incoming>toEnd</bpmn:incoming></bpmn:endEvent>
        </bpmn:process>
        <bpmndi:BPMNDiagram id="diagram">
          <bpmndi:BPMNPlane id="plane" bpmnElement="unbound">
            <bpmndi:BPMNShape id="start_di" bpmnElement="start">
              <dc:Bounds x="180" y="160" width="36" height="36" />
            </bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="chargeCard_di" bpmnElement="chargeCard">
              <dc:Bounds x="270" y="138" width="100" height="80" />
            </bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="end_di" bpmnElement="end">
              <dc:Bounds x="432" y="160" width="36" height="36" />
            </bpmndi:BPMNShape>
            <bpmndi:BPMNEdge id="toCharge_di" bpmnElement="toCharge">
              <di:waypoint x="216" y="178" /><di:waypoint x="270" y="178" />
            </bpmndi:BPMNEdge>
            <bpmndi:BPMNEdge id="toEnd_di" bpmnElement="toEnd">
              <di:waypoint x="370" y="178" /><di:waypoint x="432" y="178" />
            </bpmndi:BPMNEdge>
          </bpmndi:BPMNPlane>
        </bpmndi:BPMNDiagram>
      </bpmn:definitions>
      """;

  static String withKey(String key) throws IOException {
    return Files.readString(BPMN.resolve("order-fulfillment.bpmn"))
        .replace("id=\"order-fulfillment\"", "id=\"" + key + "\"")
        .replace("bpmnElement=\"order-fulfillment\"", "bpmnElement=\"" + key + "\"");
  }
}
