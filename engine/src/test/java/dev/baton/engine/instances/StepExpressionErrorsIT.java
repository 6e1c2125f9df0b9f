package dev.baton.engine.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.baton.engine.BatonIT;
import dev.baton.engine.TestBpmn;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A start whose synchronous first step cannot evaluate its expression (the variable it reads was
 * not sent) answers a 400 naming the step and the cause, through every door, and starts nothing.
 */
class StepExpressionErrorsIT extends BatonIT {

  private String key;

  @BeforeEach
  void deployProcessDecidingOnAmount() {
    key = uniqueKey("expr");
    deployBpmn(
        key,
        TestBpmn.process(
            key,
            """
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="decideAmount" />
            <bpmn:exclusiveGateway id="decideAmount" name="Large order?" default="small" />
            <bpmn:sequenceFlow id="large" sourceRef="decideAmount" targetRef="end">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${amount &gt; 100}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="small" sourceRef="decideAmount" targetRef="end" />
            <bpmn:endEvent id="end" />
            """));
  }

  @Test
  void shouldAnswerBadRequestNamingStepWhenFirstStepReadsMissingVariable() {
    // when
    asDemo()
        .contentType(ContentType.JSON)
        .body("{\"variables\": {\"customer\": \"c-1\"}}")
        .post("/api/processes/{key}/instances", key)
        // then
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("title", equalTo("Step failed"))
        .body("activityId", equalTo("decideAmount"))
        .body("expression", equalTo("${amount > 100}"))
        .body("detail", containsString("Step 'decideAmount'"))
        .body("detail", containsString("Cannot resolve identifier 'amount'"));
    assertThat(instancesEverStarted(key)).isZero();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/engine-rest/process-definition/key/{key}/start",
        "/engine-rest/engine/default/process-definition/key/{key}/start/"
      })
  void shouldAnswerCamundaRestWithBadRequestInItsOwnFormat(String path) {
    // when
    asDemo()
        .contentType(ContentType.JSON)
        .body("{\"variables\": {}}")
        .post(path, key)
        // then
        .then()
        .statusCode(400)
        .body("type", equalTo("StepExpressionException"))
        .body("message", containsString("Step 'decideAmount'"))
        .body("message", containsString("Cannot resolve identifier 'amount'"));
    assertThat(instancesEverStarted(key)).isZero();
  }

  @Test
  void shouldStartWhenAConditionalEventWaitsForAVariableNotSetYet() {
    // given a step guarded by a conditional event on a variable nobody sent (false until it is set)
    String waiting = uniqueKey("cond");
    deployBpmn(
        waiting,
        TestBpmn.process(
            waiting,
            """
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
            <bpmn:receiveTask id="review" />
            <bpmn:boundaryEvent id="invoiceArrived" attachedToRef="review">
              <bpmn:conditionalEventDefinition>
                <bpmn:condition xsi:type="bpmn:tFormalExpression">${invoiceId != null}</bpmn:condition>
              </bpmn:conditionalEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
            <bpmn:sequenceFlow id="f3" sourceRef="invoiceArrived" targetRef="end" />
            <bpmn:endEvent id="end" />
            """));

    // when / then
    asDemo()
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/api/processes/{key}/instances", waiting)
        .then()
        .statusCode(201);
    assertThat(instancesEverStarted(waiting)).isEqualTo(1);
  }

  @Test
  void shouldStartWhenTheVariableIsSent() {
    // when / then: the same diagram with its variable works, so the refusal above is the data's
    asDemo()
        .contentType(ContentType.JSON)
        .body("{\"variables\": {\"amount\": 150}}")
        .post("/api/processes/{key}/instances", key)
        .then()
        .statusCode(201);
    assertThat(instancesEverStarted(key)).isEqualTo(1);
  }
}
