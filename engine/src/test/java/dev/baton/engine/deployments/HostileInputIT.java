package dev.baton.engine.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.BatonIT;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** More hostile and broken input: each a 4xx problem with a message, and nothing stored. */
class HostileInputIT extends BatonIT {

  private static final String HEAD =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
          + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" id=\"d\" targetNamespace=\"t\">";

  @Test
  void shouldRefuseDuplicateIds() {
    String key = key();
    String xml =
        HEAD
            + "<bpmn:process id=\""
            + key
            + "\" isExecutable=\"true\" camunda:historyTimeToLive=\"P1D\">"
            + "<bpmn:startEvent id=\"same\"/><bpmn:endEvent id=\"same\"/></bpmn:process></bpmn:definitions>";

    refused(xml, key);
  }

  @Test
  void shouldRefuseMissingStartEvent() {
    String key = key();
    String xml =
        HEAD
            + "<bpmn:process id=\""
            + key
            + "\" isExecutable=\"true\" camunda:historyTimeToLive=\"P1D\">"
            + "<bpmn:endEvent id=\"end\"/></bpmn:process></bpmn:definitions>";

    refused(xml, key).body("problems.rule", org.hamcrest.Matchers.hasItem("start-event"));
  }

  @Test
  void shouldRefuseUnknownElementsOutsideExtensions() {
    String key = key();
    String xml =
        HEAD.replace("id=\"d\"", "xmlns:evil=\"urn:evil\" id=\"d\"")
            + "<evil:payload>rm -rf /</evil:payload>"
            + "<bpmn:process id=\""
            + key
            + "\" isExecutable=\"true\" camunda:historyTimeToLive=\"P1D\">"
            + "<bpmn:startEvent id=\"s\"/></bpmn:process></bpmn:definitions>";

    refused(xml, key);
  }

  @Test
  void shouldRefuseFiftyMegabyteUpload() {
    String huge = "<x>" + "a".repeat(50 * 1024 * 1024) + "</x>";

    DeploymentIT.deploy(huge, null, null)
        .then()
        .statusCode(413)
        .contentType("application/problem+json");
  }

  @Test
  void shouldRefuseJavaSerializedVariablesThroughCamundaRest() {
    // given
    long before = instances();

    // when a start carries a variable in Java serialization format
    String answer =
        asDemo()
            .contentType("application/json")
            .body(
                Map.of(
                    "variables",
                    Map.of(
                        "payload",
                        Map.of(
                            "value", "rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA==",
                            "type", "Object",
                            "valueInfo",
                                Map.of(
                                    "objectTypeName", "java.util.HashMap",
                                    "serializationDataFormat",
                                        "application/x-java-serialized-object")))))
            .post("/engine-rest/process-definition/key/order-fulfillment/start")
            .then()
            .statusCode(400)
            .contentType("application/problem+json")
            .extract()
            .asString();

    // then
    assertThat(answer).containsIgnoringCase("serializ");
    assertThat(instances()).isEqualTo(before);
  }

  @Test
  void shouldRefusePathTraversalInNamesAsOutsideCanonicalForm() {
    // an encoded "/" and an encoded "%" are outside canonical form: a 400 problem before any
    // filter or controller parses the path
    asDemo()
        .get("/api/definitions/{key}/versions", "../../etc/passwd")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    asDemo()
        .get("/api/workers/{id}", "..%2F..%2Fetc")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  private static io.restassured.response.ValidatableResponse refused(String xml, String key) {
    io.restassured.response.ValidatableResponse answer =
        DeploymentIT.deploy(xml, null, null)
            .then()
            .statusCode(400)
            .contentType("application/problem+json")
            .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString()));
    asDemo().get("/api/definitions/{key}/versions", key).then().statusCode(404);
    return answer;
  }

  private static long instances() {
    return asDemo()
        .get("/engine-rest/history/process-instance/count?processDefinitionKey=order-fulfillment")
        .then()
        .extract()
        .jsonPath()
        .getLong("count");
  }

  private static String key() {
    return "hostile-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
