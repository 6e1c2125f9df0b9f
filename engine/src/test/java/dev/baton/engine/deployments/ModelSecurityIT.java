package dev.baton.engine.deployments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.baton.engine.BatonIT;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Models cannot run code or make unbounded work, whichever way they come in: each hostile model is
 * refused with the element and the reason, and what it would have done did not happen.
 */
class ModelSecurityIT extends BatonIT {

  @Autowired ProcessEngine engine;

  @Test
  void shouldRefuseATimerStartThatCreatesAFileAtDeployUnderANameEndingInBpmn() throws Exception {
    // given a timer start event whose cycle (evaluated at deploy) creates a file, in x.xbpmn
    Path target = target();
    String key = key("timer");
    String xml =
        process(
                """
                <bpmn:startEvent id="tick">
                  <bpmn:timerEventDefinition id="tickTimer">
                    <bpmn:timeCycle xsi:type="bpmn:tFormalExpression">%s</bpmn:timeCycle>
                  </bpmn:timerEventDefinition>
                </bpmn:startEvent>
                <bpmn:sequenceFlow id="f1" sourceRef="tick" targetRef="end" />
                <bpmn:endEvent id="end" />
                """
                    .formatted(fileCreating(target)))
            .replace("id=\"p\"", "id=\"" + key + "\"");

    // when / then: Camunda's REST answers its own 400 for the ParseException
    deployThroughCamunda(key, key + ".xbpmn", xml)
        .then()
        .statusCode(400)
        .body("type", equalTo("ParseException"))
        .body("message", containsString("tickTimer"))
        .body("message", containsString("getClass()"));
    assertThat(target).doesNotExist();
    assertThat(deploymentCount(key)).isZero();
  }

  @Test
  void shouldRefuseAListenerExpressionThroughBatonsApiWithTheElement() throws Exception {
    // given
    Path target = target();
    String key = key("listener");
    String xml =
        process(
                """
                <bpmn:startEvent id="start">
                  <bpmn:extensionElements>
                    <camunda:executionListener event="start" expression="%s" />
                  </bpmn:extensionElements>
                </bpmn:startEvent>
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="end" />
                <bpmn:endEvent id="end" />
                """
                    .formatted(fileCreating(target).replace("'", "&apos;")))
            .replace("id=\"p\"", "id=\"" + key + "\"");

    // when / then
    DeploymentIT.deploy(xml, null, null)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("problems.rule", hasItem("expression"))
        .body("problems.elementId", hasItem("start"));
    assertThat(target).doesNotExist();
    assertThat(definitionCount(key)).isZero();
  }

  @Test
  void shouldRefuseAJavaClassInAFileNamedLikeBpmn20Xml() {
    // given a business rule task calling a Java class, in xbpmn20.xml
    String key = key("rules");
    String xml =
        process(
                """
                <bpmn:startEvent id="start" />
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="rules" />
                <bpmn:businessRuleTask id="rules" camunda:class="java.lang.Runtime" />
                <bpmn:sequenceFlow id="f2" sourceRef="rules" targetRef="end" />
                <bpmn:endEvent id="end" />
                """)
            .replace("id=\"p\"", "id=\"" + key + "\"");

    // when / then
    deployThroughCamunda(key, "xbpmn20.xml", xml)
        .then()
        .statusCode(400)
        .body("message", containsString("rules"))
        .body("message", containsString("java.lang.Runtime"));
    assertThat(deploymentCount(key)).isZero();
  }

  @Test
  void shouldRefuseCmmnWhileItIsOff() {
    // given
    String key = key("case");
    String cmmn =
        """
        <definitions xmlns="http://www.omg.org/spec/CMMN/20151109/MODEL" id="d" targetNamespace="t">
          <case id="%s"><casePlanModel id="plan" /></case>
        </definitions>
        """
            .formatted(key);

    // when / then
    deployThroughCamunda(key, "a.cmmn", cmmn)
        .then()
        .statusCode(400)
        .body("message", containsString("CMMN"));
    assertThat(deploymentCount(key)).isZero();
    // (Camunda REST's case resources are on no role's allowlist; the engine is asked directly)
    assertThat(
            engine
                .getRepositoryService()
                .createCaseDefinitionQuery()
                .caseDefinitionKey(key)
                .count())
        .isZero();
  }

  @Test
  void shouldRefuseAJuelDecision() throws Exception {
    // given a decision whose input is a JUEL expression creating a file
    Path target = target();
    String key = key("juel");
    String dmn =
        """
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="d-%1$s" name="d" namespace="n">
          <decision id="%1$s" name="d" camunda:historyTimeToLive="P1D">
            <decisionTable id="table">
              <input id="in"><inputExpression id="inExpr" typeRef="string" expressionLanguage="juel"><text>%2$s</text></inputExpression></input>
              <output id="out" name="o" typeRef="string" />
            </decisionTable>
          </decision>
        </definitions>
        """
            .formatted(key, fileCreating(target));

    // when / then
    deployThroughCamunda(key, key + ".dmn", dmn)
        .then()
        .statusCode(400)
        .body("message", containsString("inExpr"))
        .body("message", containsString("juel"));
    assertThat(deploymentCount(key)).isZero();
    assertThat(target).doesNotExist();
  }

  @Test
  void shouldRefuseAFeelExternalJavaFunctionAndNeverRunOne() {
    // given a FEEL decision that would call System.setProperty through an external function
    String key = key("feel");
    String property = "baton.feel.external." + key;
    String dmn =
        """
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="d-%1$s" name="d" namespace="n">
          <decision id="%1$s" name="d" camunda:historyTimeToLive="P1D">
            <variable id="v" name="result" typeRef="string" />
            <literalExpression id="lit"><text>{f: function(k, v) external {java: {class: "java.lang.System", method signature: "setProperty(java.lang.String, java.lang.String)"}}, r: f("%2$s", "ran")}.r</text></literalExpression>
          </decision>
        </definitions>
        """
            .formatted(key, property);

    // when it is deployed, the deploy is refused
    deployThroughCamunda(key, key + ".dmn", dmn)
        .then()
        .statusCode(400)
        .body("message", containsString("lit"))
        .body("message", containsString("external"));

    // then nothing was deployed, and the FEEL engine itself would not run it either
    assertThat(
            engine
                .getRepositoryService()
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey(key)
                .count())
        .isZero();
    org.camunda.bpm.dmn.engine.DmnEngine dmnEngine =
        ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
                engine.getProcessEngineConfiguration())
            .getDmnEngine();
    org.camunda.bpm.engine.impl.interceptor.CommandExecutor commands =
        ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
                engine.getProcessEngineConfiguration())
            .getCommandExecutorTxRequired();
    assertThatThrownBy(
            () ->
                commands.execute(
                    context ->
                        dmnEngine.evaluateDecision(
                            dmnEngine.parseDecision(
                                key,
                                new java.io.ByteArrayInputStream(
                                    dmn.getBytes(StandardCharsets.UTF_8))),
                            org.camunda.bpm.engine.variable.Variables.createVariables())))
        .hasStackTraceContaining("External functions are disabled");
    assertThat(System.getProperty(property)).isNull();
  }

  @Test
  void shouldRefuseAStoredFilterWithAnExpression() throws Exception {
    // given a filter whose query holds an expression that would create a file
    Path target = target();
    String name = key("filter");
    Map<String, Object> filter =
        Map.of(
            "resourceType",
            "Task",
            "name",
            name,
            "query",
            Map.of("assigneeExpression", fileCreating(target)));

    // when / then: the engine refuses to store it (and would refuse to list it)
    asDemo()
        .contentType(ContentType.JSON)
        .body(filter)
        .post("/engine-rest/filter/create")
        .then()
        .statusCode(400)
        .body("message", containsString("Expressions are forbidden in stored queries"));
    asDemo()
        .get("/engine-rest/filter/count?name={name}", name)
        .then()
        .statusCode(200)
        .body("count", equalTo(0));
    assertThat(target).doesNotExist();
  }

  @Test
  void shouldRefuseATimerCycleBelowTheMinimumAndStartNothing() {
    // given an analyst's timer start repeating every millisecond
    String key = key("fast");
    String xml =
        process(
                """
                <bpmn:startEvent id="tick">
                  <bpmn:timerEventDefinition id="tickTimer">
                    <bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R/PT0.001S</bpmn:timeCycle>
                  </bpmn:timerEventDefinition>
                </bpmn:startEvent>
                <bpmn:sequenceFlow id="f1" sourceRef="tick" targetRef="end" />
                <bpmn:endEvent id="end" />
                """)
            .replace("id=\"p\"", "id=\"" + key + "\"");

    // when / then
    DeploymentIT.deploy(xml, null, null)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("problems.rule", hasItem("timer-cycle"))
        .body("problems.elementId", hasItem("tick"));
    assertThat(definitionCount(key)).isZero();
    asDemo()
        .get("/engine-rest/history/process-instance/count?processDefinitionKey={key}", key)
        .then()
        .statusCode(200)
        .body("count", equalTo(0));
  }

  @Test
  void shouldRefuseA550KilobyteFileNested50000DeepInUnderTwoSeconds() throws Exception {
    // given
    String key = key("deep");
    String xml =
        process(
                "<bpmn:startEvent id=\"start\" />"
                    + "<bpmn:subProcess>".repeat(50_000)
                    + "</bpmn:subProcess>".repeat(50_000))
            .replace("id=\"p\"", "id=\"" + key + "\"");
    assertThat(xml.length()).isGreaterThan(500_000);

    // when (timed with a plain HTTP client: REST Assured's own handling of a large body is slow)
    long started = System.nanoTime();
    HttpResponse<String> answer = multipartDeploy(xml);
    long millis = (System.nanoTime() - started) / 1_000_000;

    // then
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(answer.body()).contains("\"depth\"").contains("more than 100 levels");
    assertThat(millis).isLessThan(2000);
    assertThat(definitionCount(key)).isZero();
  }

  private HttpResponse<String> multipartDeploy(String xml) throws Exception {
    String boundary = "baton" + UUID.randomUUID();
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"deep.bpmn\""
            + "\r\nContent-Type: application/xml\r\n\r\n"
            + xml
            + "\r\n--"
            + boundary
            + "--\r\n";
    String credentials =
        java.util.Base64.getEncoder()
            .encodeToString((USER + ":" + USER).getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/deployments"))
            .header("Authorization", "Basic " + credentials)
            .header("Accept", "application/json")
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static int definitionCount(String key) {
    return asDemo()
        .get("/engine-rest/process-definition/count?key={key}", key)
        .then()
        .statusCode(200)
        .extract()
        .path("count");
  }

  private static String key(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  }

  private static Path target() throws Exception {
    Path target = Files.createTempDirectory("baton-model-").resolve("pwned");
    assertThat(target).doesNotExist();
    return target;
  }

  /** An expression that, where JUEL is unrestricted, creates {@code target}. */
  private static String fileCreating(Path target) {
    return "${''.getClass().forName('java.io.File').getConstructor(''.getClass())"
        + ".newInstance('"
        + target
        + "').createNewFile()}";
  }

  /** A one-process BPMN file around {@code body}. */
  private static String process(String body) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="t">
          <bpmn:process id="p" isExecutable="true" camunda:historyTimeToLive="P1D">
        %s
          </bpmn:process>
        </bpmn:definitions>
        """
        .formatted(body);
  }
}
