package dev.baton.engine;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A process its timer start event starts every second ({@code R/PT1S}), deployed through Baton's
 * API as the demo user: the runaway work that suspending a definition or deleting its deployment
 * must stop.
 */
public record TimerProcess(String key, String deploymentId, String definitionId) {

  /** Deploys a timer process that ends at once; each instance completes in its timer's job. */
  public static TimerProcess deployEndingAtOnce() {
    String key = newKey();
    return deploy(key, xml(key, false));
  }

  /** Deploys a timer process whose instances wait at an external task no worker fetches. */
  public static TimerProcess deployWaiting() {
    String key = newKey();
    return deploy(key, xml(key, true));
  }

  /** Instances this version has started, as history counts them (ended ones too). */
  public long started() {
    return demo()
        .get("/engine-rest/history/process-instance/count?processDefinitionId={id}", definitionId)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("count");
  }

  /** Deletes the deployment with its instances, if it is still there (a test's clean-up). */
  public void deleteIfPresent() {
    int status =
        demo()
            .delete("/api/deployments/{id}?cascade=true", deploymentId)
            .then()
            .extract()
            .statusCode();
    if (status != 204 && status != 404) {
      throw new IllegalStateException(
          "could not delete deployment " + deploymentId + ": HTTP " + status);
    }
  }

  private static TimerProcess deploy(String key, String xml) {
    JsonPath result =
        demo()
            .multiPart(
                "file", key + ".bpmn", xml.getBytes(StandardCharsets.UTF_8), "application/xml")
            .post("/api/deployments")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    return new TimerProcess(
        key, result.getString("deploymentId"), result.getString("definitions[0].id"));
  }

  private static RequestSpecification demo() {
    return given().auth().preemptive().basic(BatonIT.USER, BatonIT.USER).accept("application/json");
  }

  private static final String ENDING_SHAPES =
      """
      <bpmndi:BPMNEdge id="toEnd_di" bpmnElement="toEnd">
        <di:waypoint x="136" y="118"/><di:waypoint x="400" y="118"/>
      </bpmndi:BPMNEdge>
      """;

  private static final String WAITING_SHAPES =
      """
      <bpmndi:BPMNShape id="wait_di" bpmnElement="wait">
        <dc:Bounds x="220" y="78" width="100" height="80"/>
      </bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="toWait_di" bpmnElement="toWait">
        <di:waypoint x="136" y="118"/><di:waypoint x="220" y="118"/>
      </bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="toEnd_di" bpmnElement="toEnd">
        <di:waypoint x="320" y="118"/><di:waypoint x="400" y="118"/>
      </bpmndi:BPMNEdge>
      """;

  private static String newKey() {
    return "every-second-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String xml(String key, boolean waiting) {
    String body =
        waiting
            ? """
              <bpmn:serviceTask id="wait" camunda:type="external" camunda:topic="%s-nobody"/>
              <bpmn:sequenceFlow id="toWait" sourceRef="everySecond" targetRef="wait"/>
              <bpmn:sequenceFlow id="toEnd" sourceRef="wait" targetRef="done"/>
              """
                .formatted(key)
            : """
              <bpmn:sequenceFlow id="toEnd" sourceRef="everySecond" targetRef="done"/>
              """;
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
            xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
            xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
            id="definitions-%1$s" targetNamespace="http://baton.dev/test">
          <bpmn:process id="%1$s" name="Every second" isExecutable="true"
              camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="everySecond">
              <bpmn:timerEventDefinition>
                <bpmn:timeCycle>R/PT1S</bpmn:timeCycle>
              </bpmn:timerEventDefinition>
            </bpmn:startEvent>
            %2$s
            <bpmn:endEvent id="done"/>
          </bpmn:process>
          <bpmndi:BPMNDiagram id="diagram">
            <bpmndi:BPMNPlane id="plane" bpmnElement="%1$s">
              <bpmndi:BPMNShape id="everySecond_di" bpmnElement="everySecond">
                <dc:Bounds x="100" y="100" width="36" height="36"/>
              </bpmndi:BPMNShape>
              %3$s
              <bpmndi:BPMNShape id="done_di" bpmnElement="done">
                <dc:Bounds x="400" y="100" width="36" height="36"/>
              </bpmndi:BPMNShape>
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """
        .formatted(key, body, waiting ? WAITING_SHAPES : ENDING_SHAPES);
  }
}
