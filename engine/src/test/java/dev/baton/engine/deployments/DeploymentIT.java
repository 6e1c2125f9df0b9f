package dev.baton.engine.deployments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import dev.baton.engine.BatonIT;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Lint and deploy through Baton's API: only valid, safe diagrams become versions. */
class DeploymentIT extends BatonIT {

  private static final Path REFERENCE =
      Path.of(
          "..",
          "process-definitions",
          "src",
          "main",
          "resources",
          "bpmn",
          "order-fulfillment.bpmn");

  @Test
  void shouldLintReferenceProcessClean() throws IOException {
    lint(Files.readString(REFERENCE))
        .then()
        .statusCode(200)
        .body("problems.size()", org.hamcrest.Matchers.equalTo(0));
  }

  @Test
  void shouldLintUnboundAndUnknownAdapterTasksWithElementIds() throws IOException {
    // given a task bound to nothing and one naming an adapter Baton does not know
    String xml =
        Files.readString(REFERENCE)
            .replace(
                "camunda:asyncBefore=\"true\" camunda:delegateExpression=\"${batonAdapter}\">\n      <bpmn:extensionElements>\n        <camunda:properties>\n          <camunda:property name=\"adapter\" value=\"shipping-ship\" />",
                "camunda:asyncBefore=\"true\" camunda:delegateExpression=\"${batonAdapter}\">\n      <bpmn:extensionElements>\n        <camunda:properties>\n          <camunda:property name=\"adapter\" value=\"teleporter\" />")
            .replace(
                "<bpmn:serviceTask id=\"releaseInventory\" name=\"Release inventory\" camunda:asyncBefore=\"true\" camunda:delegateExpression=\"${batonAdapter}\">",
                "<bpmn:serviceTask id=\"releaseInventory\" name=\"Release inventory\" camunda:asyncBefore=\"true\">")
            .replace(" camunda:historyTimeToLive=\"P30D\"", "");

    // when
    JsonPath problems = lint(xml).then().statusCode(200).extract().jsonPath();

    // then
    assertThat(problems.getList("problems.rule"))
        .contains("adapter-unknown", "unbound-task", "history-time-to-live");
    assertThat(problems.getString("problems.find { it.rule == 'adapter-unknown' }.elementId"))
        .isEqualTo("shipOrder");
    assertThat(problems.getString("problems.find { it.rule == 'unbound-task' }.elementId"))
        .isEqualTo("releaseInventory");
  }

  @Test
  void shouldReportParseErrorsWithLineAndColumn() {
    JsonPath problem =
        lint("<?xml version=\"1.0\"?>\n<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n  <bpmn:process id=\"p\">\n</bpmn:definitions>")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    assertThat(problem.getString("problems[0].rule")).isEqualTo("parse");
    assertThat(problem.getInt("problems[0].line")).isEqualTo(4);
    assertThat(problem.getInt("problems[0].column")).isPositive();
  }

  @Test
  void shouldDeployNewVersionOnlyWhenTheDiagramChanged() throws IOException {
    // given a fresh process key
    String key = "deploy-" + UUID.randomUUID().toString().substring(0, 8);
    String xml = withKey(key);

    // when / then: first deployment makes version 1
    deploy(xml, "v-one", "first cut")
        .then()
        .statusCode(201)
        .body("changed", org.hamcrest.Matchers.equalTo(true))
        .body("definitions[0].version", org.hamcrest.Matchers.equalTo(1));
    // the same diagram again makes no new version
    deploy(xml, "v-one", null)
        .then()
        .statusCode(200)
        .body("changed", org.hamcrest.Matchers.equalTo(false))
        .body("definitions[0].version", org.hamcrest.Matchers.equalTo(1));
    // a changed diagram makes version 2
    deploy(xml.replace("name=\"Ship order\"", "name=\"Ship the order\""), null, null)
        .then()
        .statusCode(201)
        .body("definitions[0].version", org.hamcrest.Matchers.equalTo(2));

    // and the versions list says so, newest first, with the XML of each
    JsonPath versions =
        asDemo()
            .get("/api/definitions/{key}/versions", key)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(versions.getList("version")).containsExactly(2, 1);
    assertThat(versions.getString("[1].versionTag")).isEqualTo("v-one");
    String latestXml =
        asDemo()
            .accept("application/xml")
            .get("/api/definitions/{id}/xml", versions.getString("[0].id"))
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(latestXml).contains("Ship the order");
    asDemo().get("/api/definitions/{key}/versions", "no-such-key").then().statusCode(404);
  }

  @Test
  void shouldShowDeployerAndNoteInVersionsListAndDefinition() throws IOException {
    // given
    String key = "noted-" + UUID.randomUUID().toString().substring(0, 8);
    deploy(withKey(key), null, "fixes the carrier timeout").then().statusCode(201);
    deploy(withKey(key).replace("name=\"Ship order\"", "name=\"Ship it\""), null, null)
        .then()
        .statusCode(201);

    // when
    JsonPath versions =
        asDemo()
            .get("/api/definitions/{key}/versions", key)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    JsonPath first =
        asDemo()
            .get("/api/definitions/{id}", versions.getString("[1].id"))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    // then
    assertThat(versions.getList("deployedBy")).containsExactly(USER, USER);
    assertThat(versions.getList("note")).containsExactly(null, "fixes the carrier timeout");
    assertThat(first.getString("deployedBy")).isEqualTo(USER);
    assertThat(first.getString("note")).isEqualTo("fixes the carrier timeout");
  }

  @Test
  void shouldRefuseInvalidDiagramWithProblemListAndDeployNothing() throws IOException {
    // given
    String key = "invalid-" + UUID.randomUUID().toString().substring(0, 8);
    String xml = withKey(key).replace("value=\"payment-charge\"", "value=\"no-such-adapter\"");

    // when / then
    deploy(xml, null, null)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("problems.rule", hasItem("adapter-unknown"))
        .body("problems.elementId", hasItem("chargePayment"));
    asDemo().get("/api/definitions/{key}/versions", key).then().statusCode(404);
  }

  @Test
  void shouldRefuseHostileXmlAndDeployNothing() {
    // given an external entity reading a local file, and an entity expansion bomb
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><bpmn:process id=\"xxe\" name=\"&x;\"/></bpmn:definitions>";
    String bomb =
        "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
            + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>"
            + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><bpmn:process id=\"bomb\" name=\"&d;\"/></bpmn:definitions>";

    // when / then
    for (String hostile : List.of(xxe, bomb)) {
      deploy(hostile, null, null)
          .then()
          .statusCode(400)
          .body("problems[0].rule", org.hamcrest.Matchers.equalTo("doctype"))
          .body("detail", containsString("DOCTYPE"));
    }
    asDemo().get("/api/definitions/{key}/versions", "xxe").then().statusCode(404);
    asDemo().get("/api/definitions/{key}/versions", "bomb").then().statusCode(404);
  }

  @Test
  void shouldRefuseOversizedFiles() {
    String big = "<x>" + "a".repeat(6 * 1024 * 1024) + "</x>";
    deploy(big, null, null).then().statusCode(413).contentType("application/problem+json");
    String huge = "a".repeat(11 * 1024 * 1024);
    deploy(huge, null, null).then().statusCode(413).contentType("application/problem+json");
  }

  @Test
  void shouldHoldCamundaRestDeploymentsToTheSameRules() throws IOException {
    // given a diagram calling a Java class, sent to Camunda's own REST API
    String key = "rest-" + UUID.randomUUID().toString().substring(0, 8);
    String xml =
        withKey(key)
            .replace(
                "<bpmn:serviceTask id=\"shipOrder\" name=\"Ship order\" camunda:asyncBefore=\"true\" camunda:delegateExpression=\"${batonAdapter}\">",
                "<bpmn:serviceTask id=\"shipOrder\" name=\"Ship order\" camunda:asyncBefore=\"true\" camunda:class=\"com.example.Ship\">");

    // when / then
    String answer =
        asDemo()
            .multiPart("deployment-name", key)
            .multiPart(
                "data", key + ".bpmn", xml.getBytes(StandardCharsets.UTF_8), "application/xml")
            .post("/engine-rest/deployment/create")
            .then()
            .statusCode(400)
            .extract()
            .asString();
    assertThat(answer).contains("com.example.Ship").contains("shipOrder");
    asDemo().get("/api/definitions/{key}/versions", key).then().statusCode(404);

    // and a valid one goes through the same door
    asDemo()
        .multiPart("deployment-name", key)
        .multiPart(
            "data", key + ".bpmn", withKey(key).getBytes(StandardCharsets.UTF_8), "application/xml")
        .post("/engine-rest/deployment/create")
        .then()
        .statusCode(200);
    asDemo().get("/api/definitions/{key}/versions", key).then().statusCode(200);
  }

  @Test
  void shouldListAdaptersWithInputsAndOutputs() {
    JsonPath adapters = asDemo().get("/api/adapters").then().statusCode(200).extract().jsonPath();
    assertThat(adapters.getList("name"))
        .contains("payment-charge", "shipping-ship", "inventory-reserve", "noop");
    Map<String, Object> charge = adapters.getMap("find { it.name == 'payment-charge' }");
    assertThat(charge).containsEntry("kind", "http").containsEntry("method", "POST");
    assertThat(charge.get("inputs")).isEqualTo(List.of("orderId", "amount"));
  }

  static Response deploy(String xml, String versionTag, String note) {
    var request =
        asDemo()
            .multiPart(
                "file", "diagram.bpmn", xml.getBytes(StandardCharsets.UTF_8), "application/xml");
    if (versionTag != null) {
      request = request.multiPart("versionTag", versionTag);
    }
    if (note != null) {
      request = request.multiPart("note", note);
    }
    return request.post("/api/deployments");
  }

  private static Response lint(String xml) {
    return asDemo()
        .contentType("application/xml")
        .body(xml.getBytes(StandardCharsets.UTF_8))
        .post("/api/definitions/lint");
  }

  private static String withKey(String key) throws IOException {
    return Files.readString(REFERENCE)
        .replace("id=\"order-fulfillment\"", "id=\"" + key + "\"")
        .replace("bpmnElement=\"order-fulfillment\"", "bpmnElement=\"" + key + "\"");
  }
}
