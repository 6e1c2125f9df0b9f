package dev.baton.engine.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.engine.BatonIT;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Finding an instance: from a parent to the instances its call activities started and back, the
 * "root instances only" and "at this step" filters, and where each listed instance waits or fails.
 */
public class CalledInstancesIT extends BatonIT {

  public static final String PARENT = "find-called-parent";

  /** Ships through the remote order process, whose shipping waits for an external worker. */
  public static String parentProcess() {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
            xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
            xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
            id="defs-%1$s" targetNamespace="http://baton.dev/test">
          <bpmn:process id="%1$s" name="Order with called shipping" isExecutable="true"
              camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="start"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="callFulfillment"/>
            <bpmn:callActivity id="callFulfillment" name="Fulfil remotely"
                calledElement="order-fulfillment-remote">
              <bpmn:extensionElements>
                <camunda:in businessKey="${execution.processBusinessKey}"/>
                <camunda:in variables="all"/>
              </bpmn:extensionElements>
            </bpmn:callActivity>
            <bpmn:sequenceFlow id="f2" sourceRef="callFulfillment" targetRef="end"/>
            <bpmn:endEvent id="end"/>
          </bpmn:process>
          <bpmndi:BPMNDiagram id="diagram">
            <bpmndi:BPMNPlane id="plane" bpmnElement="%1$s">
              <bpmndi:BPMNShape id="start_di" bpmnElement="start">
                <dc:Bounds x="100" y="100" width="36" height="36"/>
              </bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="callFulfillment_di" bpmnElement="callFulfillment">
                <dc:Bounds x="200" y="78" width="100" height="80"/>
              </bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="end_di" bpmnElement="end">
                <dc:Bounds x="370" y="100" width="36" height="36"/>
              </bpmndi:BPMNShape>
              <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1">
                <di:waypoint x="136" y="118"/>
                <di:waypoint x="200" y="118"/>
              </bpmndi:BPMNEdge>
              <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2">
                <di:waypoint x="300" y="118"/>
                <di:waypoint x="370" y="118"/>
              </bpmndi:BPMNEdge>
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """
        .formatted(PARENT);
  }

  @Test
  void shouldLinkParentAndCalledInstanceBothWays() {
    // given
    deployThroughCamunda(PARENT, PARENT + ".bpmn", parentProcess()).then().statusCode(200);
    String key = "called-" + UUID.randomUUID();
    String parent = startParent(key);

    // when
    String child =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> ids(search("parentInstanceId=" + parent)), list -> list.size() == 1)
            .get(0);

    // then: the list names the parent, and only the parent is a root instance
    JsonPath children = search("parentInstanceId=" + parent);
    assertThat(children.getString("items[0].parentInstanceId")).isEqualTo(parent);
    assertThat(children.getString("items[0].rootInstanceId")).isEqualTo(parent);
    assertThat(children.getString("items[0].definitionKey")).isEqualTo("order-fulfillment-remote");
    assertThat(ids(search("businessKey=" + key))).containsExactlyInAnyOrder(parent, child);
    assertThat(ids(search("businessKey=" + key + "&rootOnly=true"))).containsExactly(parent);
    JsonPath parentRow = search("businessKey=" + key + "&rootOnly=true");
    assertThat(parentRow.getString("items[0].parentInstanceId")).isNull();
    assertThat(parentRow.getString("items[0].rootInstanceId")).isNull();
    assertThat(parentRow.getList("items[0].waitingAt.activityId"))
        .containsExactly("callFulfillment");
    assertThat(parentRow.getList("items[0].waitingAt.activityName"))
        .containsExactly("Fulfil remotely");

    // then: the parent's page names the called instance on its call activity
    JsonPath parentDetail = detail(parent);
    assertThat(
            parentDetail.getString(
                "activities.find { it.activityId == 'callFulfillment' }.calledInstanceId"))
        .isEqualTo(child);
    assertThat(parentDetail.getString("lineage.parentInstanceId")).isNull();

    // then: the called instance's page names its parent and root
    JsonPath childDetail = detail(child);
    assertThat(childDetail.getString("lineage.parentInstanceId")).isEqualTo(parent);
    assertThat(childDetail.getString("lineage.parentDefinitionKey")).isEqualTo(PARENT);
    assertThat(childDetail.getString("lineage.rootInstanceId")).isEqualTo(parent);
    assertThat(childDetail.getString("lineage.rootDefinitionKey")).isEqualTo(PARENT);
  }

  @Test
  void shouldFindInstancesFailingAtAStepWithTheirIncidentMessage() {
    // given
    String key = "failing-at-" + UUID.randomUUID();
    String failing = startOrderWithIncident(key, "carrier refused the parcel");

    // when
    JsonPath atShipping = search("activityId=shipOrder&businessKey=" + key);

    // then
    assertThat(ids(atShipping)).containsExactly(failing);
    assertThat(atShipping.getString("items[0].state")).isEqualTo("INCIDENT");
    assertThat(atShipping.getList("items[0].waitingAt.activityId")).containsExactly("shipOrder");
    assertThat(atShipping.getList("items[0].waitingAt.activityName")).containsExactly("Ship order");
    assertThat(atShipping.getString("items[0].incidentMessage"))
        .isEqualTo("carrier refused the parcel");
    assertThat(ids(search("activityId=chargePayment&businessKey=" + key))).isEmpty();
    assertThat(ids(search("activityId=shipOrder&state=INCIDENT&businessKey=" + key)))
        .containsExactly(failing);
  }

  @Test
  void shouldListEndedInstancesWithoutWhereabouts() {
    // given
    String key = "ended-" + UUID.randomUUID();
    String done = startOrder(key, 10);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> search("businessKey=" + key).getString("items[0].state"), "COMPLETED"::equals);

    // when
    JsonPath page = search("businessKey=" + key);

    // then
    assertThat(ids(page)).containsExactly(done);
    assertThat(page.getList("items[0].waitingAt")).isEmpty();
    assertThat(page.getString("items[0].incidentMessage")).isNull();
    assertThat(ids(search("activityId=shipOrder&businessKey=" + key))).isEmpty();
  }

  private static String startParent(String businessKey) {
    return asDemo()
        .contentType(ContentType.JSON)
        .body(Map.of("businessKey", businessKey, "variables", Map.of("amount", 12)))
        .post("/api/processes/{key}/instances", PARENT)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static JsonPath search(String query) {
    return asDemo().get("/api/instances?" + query).then().statusCode(200).extract().jsonPath();
  }

  private static JsonPath detail(String id) {
    return asDemo()
        .get("/api/instances/{id}/detail", id)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static List<String> ids(JsonPath page) {
    return page.getList("items.id");
  }
}
