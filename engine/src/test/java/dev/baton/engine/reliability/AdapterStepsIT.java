package dev.baton.engine.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.baton.engine.BatonIT;
import dev.baton.engine.TestBpmn;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Adapter steps against the demo services over HTTP: each execution of a step has its own
 * idempotency key (iterations and loop runs each have an effect, a retry has none of its own), and
 * a diagram drawn with the modeler's defaults starts even when its first service is down.
 */
class AdapterStepsIT extends BatonIT {

  @AfterEach
  void cleanUp() {
    setAvailable("payment", true);
  }

  @Test
  void shouldHaveOneEffectPerIterationOfAMultiInstanceStep() {
    // given a step run for each of 5 items
    String key =
        deploy(
            task(
                "reserveEach",
                "inventory-reserve",
                "",
                "",
                "<bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>5"
                    + "</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>"));

    // when
    String id = start(key, 201);

    // then
    awaitCompleted(id);
    List<Map<String, Object>> effects = effects("inventory", id);
    assertThat(effects).hasSize(5).allSatisfy(e -> assertThat(e).containsEntry("attempts", 1));
    assertThat(effects).extracting(e -> e.get("idempotencyKey")).doesNotHaveDuplicates();
  }

  @ParameterizedTest(name = "save point: {0}")
  @ValueSource(booleans = {true, false})
  void shouldHaveOneEffectPerRunOfALoop(boolean savePoint) {
    // given a step the diagram runs three times, as its own save point or inside the start's job
    String key = deploy(loop(savePoint));

    // when
    String id = start(key, 201);

    // then
    awaitCompleted(id);
    assertThat(effects("inventory", id))
        .hasSize(3)
        .allSatisfy(e -> assertThat(e).containsEntry("status", 200).containsEntry("attempts", 1));
  }

  @Test
  void shouldHaveOneEffectForAStepRetriedAfterA503() {
    // given payment is down when the step first runs
    setAvailable("payment", false);
    String key =
        deploy(
            task(
                "charge",
                "payment-charge",
                "",
                "<camunda:failedJobRetryTimeCycle>R3/PT1S</camunda:failedJobRetryTimeCycle>",
                ""));
    String id = start(key, 201);
    await().atMost(Duration.ofSeconds(30)).until(() -> failedAttempts(id) >= 1);

    // when it is back before the retries are used up
    setAvailable("payment", true);

    // then
    awaitCompleted(id);
    List<Map<String, Object>> charges = effects("payment", id);
    assertThat(charges).hasSize(1);
    assertThat(charges.get(0)).containsEntry("status", 200).containsEntry("attempts", 1);
  }

  @Test
  void shouldStartADiagramWithTheModelersDefaultsWhenItsFirstServiceIsDown() {
    // given a diagram with no save point drawn before its first adapter step, whose service is down
    setAvailable("payment", false);
    String key = deploy(task("charge", "payment-charge", "", "", ""));

    // when
    String id = start(key, 201);

    // then the instance exists, and the console shows the step's incident after its retries
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                asDemo()
                    .get("/api/instances/{id}", id)
                    .then()
                    .statusCode(200)
                    .body("state", equalTo("INCIDENT"))
                    .body("incidents[0].activityId", equalTo("charge"))
                    .body("incidents[0].message", containsString("HTTP 503")));
  }

  @Test
  void shouldRefuseAStartWhoseOptedOutStepFailsWithAProblemNamingTheStepAndStartNothing() {
    // given a first step that opted out of its save point, whose service is down
    setAvailable("payment", false);
    String key =
        deploy(
            task(
                "charge",
                "payment-charge",
                "<camunda:property name=\"savePoint\" value=\"false\" />",
                "",
                ""));

    // when / then
    asDemo()
        .contentType(ContentType.JSON)
        .body(Map.of("variables", Map.of("amount", 5)))
        .post("/api/processes/{key}/instances", key)
        .then()
        .statusCode(502)
        .contentType("application/problem+json")
        .body("activityId", equalTo("charge"))
        .body("adapter", equalTo("payment-charge"))
        .body("detail", containsString("Step 'charge'"))
        .body("detail", containsString("HTTP 503"));
    assertThat(
            asDemo()
                .get("/engine-rest/history/process-instance/count?processDefinitionKey={key}", key)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("count"))
        .isZero();
  }

  private String deploy(String body) {
    String key = "steps-" + UUID.randomUUID().toString().substring(0, 8);
    String xml =
        TestBpmn.process(
            key,
"""
            <bpmn:startEvent id="start" />
            %2$s
"""
                .formatted(key, body));
    deployBpmn(key, xml);
    return key;
  }

  /** start → one adapter step → end. */
  private static String task(
      String id, String adapter, String properties, String extensions, String loop) {
    return """
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="%1$s" />
        %2$s
        <bpmn:sequenceFlow id="f2" sourceRef="%1$s" targetRef="end" />
        <bpmn:endEvent id="end" />
        """
        .formatted(id, adapterTask(id, adapter, properties, extensions, loop));
  }

  /** start → reserve (counts runs in {@code loops}) → again while loops < 3 → end. */
  private static String loop(boolean savePoint) {
    return """
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="reserve" />
        %s
        <bpmn:sequenceFlow id="f2" sourceRef="reserve" targetRef="again" />
        <bpmn:exclusiveGateway id="again" default="f4" />
        <bpmn:sequenceFlow id="f3" sourceRef="again" targetRef="reserve">
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${loops &lt; 3}</bpmn:conditionExpression>
        </bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="f4" sourceRef="again" targetRef="end" />
        <bpmn:endEvent id="end" />
        """
        .formatted(
            adapterTask(
                "reserve",
                "inventory-reserve",
                savePoint ? "" : "<camunda:property name=\"savePoint\" value=\"false\" />",
                "<camunda:inputOutput><camunda:outputParameter name=\"loops\">${loops + 1}"
                    + "</camunda:outputParameter></camunda:inputOutput>",
                ""));
  }

  private static String adapterTask(
      String id, String adapter, String properties, String extensions, String loop) {
    return """
        <bpmn:serviceTask id="%s" camunda:delegateExpression="${batonAdapter}">
          <bpmn:extensionElements>
            <camunda:properties>
              <camunda:property name="adapter" value="%s" />%s
            </camunda:properties>%s
          </bpmn:extensionElements>%s
        </bpmn:serviceTask>
        """
        .formatted(id, adapter, properties, extensions, loop);
  }

  private static String start(String key, int status) {
    return asDemo()
        .contentType(ContentType.JSON)
        .body(Map.of("variables", Map.of("loops", 0, "amount", 5, "orderId", key)))
        .post("/api/processes/{key}/instances", key)
        .then()
        .statusCode(status)
        .extract()
        .path("id");
  }

  private static void awaitCompleted(String id) {
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                asDemo()
                    .get("/api/instances/{id}", id)
                    .then()
                    .statusCode(200)
                    .body("state", equalTo("COMPLETED")));
  }

  private static long failedAttempts(String id) {
    return asDemo()
        .queryParam("processInstanceId", id)
        .queryParam("failureLog", true)
        .get("/engine-rest/history/job-log/count")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("count");
  }
}
