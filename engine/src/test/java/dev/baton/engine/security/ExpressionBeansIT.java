package dev.baton.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.BatonIT;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Expressions in diagrams reach the adapter delegate only, not the Spring context. */
class ExpressionBeansIT extends BatonIT {

  @Test
  void shouldNotResolveSpringBeansFromDiagramExpressions() {
    // given a diagram whose condition asks for one of Baton's own services (a plain identifier,
    // which the closed expression language lets through to the resolver)
    String key = "beans" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="t">
          <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="gate" />
            <bpmn:exclusiveGateway id="gate" default="other" />
            <bpmn:sequenceFlow id="toEnd" sourceRef="gate" targetRef="end">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${systemService != null}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="other" sourceRef="gate" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """
            .formatted(key);
    asDemo()
        .multiPart("file", key + ".bpmn", xml.getBytes(StandardCharsets.UTF_8), "application/xml")
        .post("/api/deployments")
        .then()
        .statusCode(201);

    // when
    String answer =
        asDemo()
            .contentType("application/json")
            .body("{}")
            .post("/engine-rest/process-definition/key/{key}/start", key)
            .then()
            .statusCode(400)
            .extract()
            .asString();

    // then the bean was not found and no instance exists
    assertThat(answer).contains("Cannot resolve identifier 'systemService'");
    asDemo()
        .get("/engine-rest/history/process-instance/count?processDefinitionKey={key}", key)
        .then()
        .statusCode(200)
        .body("count", org.hamcrest.Matchers.equalTo(0));
  }
}
