package dev.baton.engine;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Two versions of one process to migrate between, deployed through Baton's API as the demo user.
 * Version 1 waits at the user tasks {@code review} then {@code legacyCheck}; version 2 keeps {@code
 * review} and replaces {@code legacyCheck} with a manual step {@code check} that does not wait, so
 * an instance at {@code review} ends once its task is completed.
 */
public record MigrationProcess(
    String key, String v1, String v2, String v1Deployment, String v2Deployment) {

  /** Deploys version 1 only; {@link #withV2()} adds version 2. */
  public static MigrationProcess deployV1() {
    String key = "migrate-" + UUID.randomUUID().toString().substring(0, 8);
    JsonPath v1 = deploy(key, 1);
    return new MigrationProcess(
        key, v1.getString("definitions[0].id"), null, v1.getString("deploymentId"), null);
  }

  /** Deploys version 2 of the same key. */
  public MigrationProcess withV2() {
    JsonPath v2 = deploy(key, 2);
    return new MigrationProcess(
        key, v1, v2.getString("definitions[0].id"), v1Deployment, v2.getString("deploymentId"));
  }

  /** Starts an instance of a version (by definition id) with this business key; its id. */
  public static String start(String definitionId, String businessKey) {
    return demo()
        .contentType(ContentType.JSON)
        .body(Map.of("businessKey", businessKey))
        .post("/engine-rest/process-definition/{id}/start", definitionId)
        .then()
        .statusCode(200)
        .extract()
        .path("id");
  }

  /** Completes the open user task of an instance at this activity. */
  public static void complete(String instanceId, String activityId) {
    String taskId =
        demo()
            .get(
                "/engine-rest/task?processInstanceId={id}&taskDefinitionKey={activity}",
                instanceId,
                activityId)
            .then()
            .statusCode(200)
            .extract()
            .path("[0].id");
    demo()
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/engine-rest/task/{id}/complete", taskId)
        .then()
        .statusCode(204);
  }

  /** The definition each of these instances runs on now (history, so ended ones too). */
  public static List<String> definitionsOf(List<String> instanceIds) {
    return demo()
        .contentType(ContentType.JSON)
        .body(Map.of("processInstanceIds", instanceIds))
        .post("/engine-rest/history/process-instance")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("processDefinitionId");
  }

  /** Deletes both deployments with their instances (a test's clean-up). */
  public void delete() {
    for (String deployment : new String[] {v2Deployment, v1Deployment}) {
      if (deployment != null) {
        demo().delete("/api/deployments/{id}?cascade=true", deployment);
      }
    }
  }

  private static JsonPath deploy(String key, int version) {
    String xml = xml(key, version);
    return demo()
        .multiPart("file", key + ".bpmn", xml.getBytes(StandardCharsets.UTF_8), "application/xml")
        .post("/api/deployments")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath();
  }

  private static RequestSpecification demo() {
    return given().auth().preemptive().basic(BatonIT.USER, BatonIT.USER).accept("application/json");
  }

  private static String xml(String key, int version) {
    String second =
        version == 1
            ? "<bpmn:userTask id=\"legacyCheck\" name=\"Legacy check\"/>"
            : "<bpmn:manualTask id=\"check\" name=\"Check\"/>";
    String secondId = version == 1 ? "legacyCheck" : "check";
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
            xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
            xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
            id="definitions-%1$s" targetNamespace="http://baton.dev/test">
          <bpmn:process id="%1$s" name="Migration v%2$d" isExecutable="true"
              camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="start"/>
            <bpmn:userTask id="review" name="Review"/>
            %3$s
            <bpmn:endEvent id="done"/>
            <bpmn:sequenceFlow id="toReview" sourceRef="start" targetRef="review"/>
            <bpmn:sequenceFlow id="toSecond" sourceRef="review" targetRef="%4$s"/>
            <bpmn:sequenceFlow id="toDone" sourceRef="%4$s" targetRef="done"/>
          </bpmn:process>
          <bpmndi:BPMNDiagram id="diagram">
            <bpmndi:BPMNPlane id="plane" bpmnElement="%1$s">
              <bpmndi:BPMNShape id="start_di" bpmnElement="start">
                <dc:Bounds x="100" y="100" width="36" height="36"/>
              </bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="review_di" bpmnElement="review">
                <dc:Bounds x="190" y="78" width="100" height="80"/>
              </bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="%4$s_di" bpmnElement="%4$s">
                <dc:Bounds x="340" y="78" width="100" height="80"/>
              </bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="done_di" bpmnElement="done">
                <dc:Bounds x="492" y="100" width="36" height="36"/>
              </bpmndi:BPMNShape>
              <bpmndi:BPMNEdge id="toReview_di" bpmnElement="toReview">
                <di:waypoint x="136" y="118"/><di:waypoint x="190" y="118"/>
              </bpmndi:BPMNEdge>
              <bpmndi:BPMNEdge id="toSecond_di" bpmnElement="toSecond">
                <di:waypoint x="290" y="118"/><di:waypoint x="340" y="118"/>
              </bpmndi:BPMNEdge>
              <bpmndi:BPMNEdge id="toDone_di" bpmnElement="toDone">
                <di:waypoint x="440" y="118"/><di:waypoint x="492" y="118"/>
              </bpmndi:BPMNEdge>
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """
        .formatted(key, version, second, secondId);
  }
}
