package dev.baton.engine.batches;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A process whose instances wait at an external task nobody fetches, deployed through Baton's API
 * under a key of its own. With {@code guarded}, leaving that task needs the variable {@code
 * mayLeave}: canceling an instance without it fails with the engine's message.
 */
public record WaitingProcess(String key) {

  public static WaitingProcess deploy(boolean guarded) {
    String key = "batch-" + UUID.randomUUID().toString().substring(0, 8);
    String listener =
        guarded
            ? """
              <bpmn:extensionElements>
                <camunda:executionListener event="end" expression="${mayLeave}"/>
              </bpmn:extensionElements>
              """
            : "";
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
            xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
            xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
            id="definitions-%1$s" targetNamespace="http://baton.dev/test">
          <bpmn:process id="%1$s" name="Waiting %1$s" isExecutable="true"
              camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="start"/>
            <bpmn:serviceTask id="wait" camunda:type="external" camunda:topic="%1$s-nobody">
              %2$s
            </bpmn:serviceTask>
            <bpmn:endEvent id="done"/>
            <bpmn:sequenceFlow id="toWait" sourceRef="start" targetRef="wait"/>
            <bpmn:sequenceFlow id="toEnd" sourceRef="wait" targetRef="done"/>
          </bpmn:process>
          <bpmndi:BPMNDiagram id="diagram">
            <bpmndi:BPMNPlane id="plane" bpmnElement="%1$s">
              <bpmndi:BPMNShape id="start_di" bpmnElement="start">
                <dc:Bounds x="100" y="100" width="36" height="36"/>
              </bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="wait_di" bpmnElement="wait">
                <dc:Bounds x="220" y="78" width="100" height="80"/>
              </bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="done_di" bpmnElement="done">
                <dc:Bounds x="400" y="100" width="36" height="36"/>
              </bpmndi:BPMNShape>
              <bpmndi:BPMNEdge id="toWait_di" bpmnElement="toWait">
                <di:waypoint x="136" y="118"/><di:waypoint x="220" y="118"/>
              </bpmndi:BPMNEdge>
              <bpmndi:BPMNEdge id="toEnd_di" bpmnElement="toEnd">
                <di:waypoint x="320" y="118"/><di:waypoint x="400" y="118"/>
              </bpmndi:BPMNEdge>
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """
            .formatted(key, listener);
    given()
        .auth()
        .preemptive()
        .basic("demo", "demo")
        .multiPart("file", key + ".bpmn", xml.getBytes(StandardCharsets.UTF_8), "application/xml")
        .post("/api/deployments")
        .then()
        .statusCode(201);
    return new WaitingProcess(key);
  }
}
