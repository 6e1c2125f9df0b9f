package dev.baton.engine.variables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import dev.baton.engine.BatonIT;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Data cannot run code: variables arrive only as the types Baton supports, whatever the door, and a
 * value stored before these rules neither runs code nor breaks a page.
 */
class VariableInputIT extends BatonIT {

  private static final String REMOTE = "order-fulfillment-remote";
  private static final String DEEP_JSON = "[".repeat(3000) + "]".repeat(3000);

  @Autowired RuntimeService runtime;

  @Test
  void shouldRefuseAnObjectOfAnUnlistedClassFromAWorkerAndRunNothing() {
    // given: a shipping task fetched by a worker
    String businessKey = key();
    String instance = startRemote(businessKey, Map.of("amount", 12));
    String task = fetch(businessKey, false).get(0);
    int ran = Tripwire.RAN.get();
    String tripwire =
        "{\"value\":\"{\\\"command\\\":\\\"touch /tmp/pwned\\\"}\",\"type\":\"Object\","
            + "\"valueInfo\":{\"objectTypeName\":\""
            + Tripwire.class.getName()
            + "\",\"serializationDataFormat\":\"application/json\"}}";

    // when the worker completes it, fails it, or throws a BPMN error with such a variable
    for (String outcome : List.of("complete", "failure", "bpmnError")) {
      asDemo()
          .contentType(ContentType.JSON)
          .body(
              "{\"workerId\":\"vars-it\",\"errorCode\":\"x\",\"errorMessage\":\"x\",\"retries\":1,"
                  + "\"retryTimeout\":0,\"variables\":{\"tw\":"
                  + tripwire
                  + "}}")
          .post("/engine-rest/external-task/{id}/" + outcome, task)

          // then
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("detail", containsString(Tripwire.class.getName()));
    }
    assertThat(Tripwire.RAN.get()).isEqualTo(ran);
    asDemo().get("/engine-rest/external-task/{id}", task).then().statusCode(200);
    assertThat(runtime.getVariables(instance)).doesNotContainKey("tw");
  }

  @Test
  void shouldRefuseJavaSerializationWrittenWithAJsonEscapeFromAWorkerFailure() {
    // given
    String businessKey = key();
    String instance = startRemote(businessKey, Map.of("amount", 12));
    String task = fetch(businessKey, false).get(0);

    // when
    asDemo()
        .contentType(ContentType.JSON)
        .body(
            "{\"workerId\":\"vars-it\",\"errorMessage\":\"x\",\"retries\":1,\"retryTimeout\":0,"
                + "\"variables\":{\"p\":{\"value\":\"rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA==\","
                + "\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":\"java.util.HashMap\","
                + "\"serializationDataFormat\":\"\\u0061pplication\\/x-java-serialized-object\"}}}}")
        .post("/engine-rest/external-task/{id}/failure", task)

        // then
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("application/x-java-serialized-object"));
    assertThat(runtime.getVariables(instance)).doesNotContainKey("p");
    asDemo()
        .get("/engine-rest/external-task/{id}", task)
        .then()
        .statusCode(200)
        .body("retries", org.hamcrest.Matchers.nullValue());
  }

  @Test
  void shouldRefuseXmlAndOverlongStringsAtCamundaStartAndStartNothing() {
    // given
    String businessKey = key();
    String xml = "{\"value\":\"<a/>\",\"type\":\"Xml\"}";
    String longString = "{\"value\":\"" + "a".repeat(4001) + "\",\"type\":\"String\"}";

    // when
    for (String variable : List.of(xml, longString)) {
      asDemo()
          .contentType(ContentType.JSON)
          .body("{\"businessKey\":\"" + businessKey + "\",\"variables\":{\"v\":" + variable + "}}")
          .post("/engine-rest/process-definition/key/{key}/start", REMOTE)

          // then
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("detail", containsString("'v'"));
    }
    assertThat(started(businessKey)).isZero();
  }

  @Test
  void shouldRefuseOverlongStringsAndDeepJsonAtBatonStartAndStartNothing() {
    // given
    String businessKey = key();

    // when a String over the engine's 4,000 characters
    asDemo()
        .contentType(ContentType.JSON)
        .body(Map.of("businessKey", businessKey, "variables", Map.of("note", "a".repeat(4001))))
        .post("/api/processes/{key}/instances", REMOTE)

        // then
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("'note'"));

    // when a Json value nested 3,000 deep
    asDemo()
        .contentType(ContentType.JSON)
        .body(
            "{\"businessKey\":\"" + businessKey + "\",\"variables\":{\"deep\":" + DEEP_JSON + "}}")
        .post("/api/processes/{key}/instances", REMOTE)

        // then
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("nested deeper than 100"));
    assertThat(started(businessKey)).isZero();
  }

  @Test
  void shouldRefuseBadValuesOnEveryVariableUpdateAndKeepTheOldValue() {
    // given
    String businessKey = key();
    String instance = startRemote(businessKey, Map.of("amount", 12, "note", "kept"));
    String deepJson = "{\"value\":\"" + DEEP_JSON + "\",\"type\":\"Json\"}";

    // when: Camunda REST, one variable and the modification of several; Baton's edit
    asDemo()
        .contentType(ContentType.JSON)
        .body("{\"value\":\"<a/>\",\"type\":\"Xml\"}")
        .put("/engine-rest/process-instance/{id}/variables/note", instance)
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    asDemo()
        .contentType(ContentType.JSON)
        .body("{\"modifications\":{\"note\":" + deepJson + "}}")
        .post("/engine-rest/process-instance/{id}/variables", instance)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("deeper than 100"));
    asDemo()
        .contentType(ContentType.JSON)
        .body(Map.of("type", "String", "value", "a".repeat(4001)))
        .put("/api/instances/{id}/variables/note", instance)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("'note'"));

    // then
    assertThat(runtime.getVariable(instance, "note")).isEqualTo("kept");
  }

  @Test
  void shouldRefuseAnUnlistedObjectInAMessageCorrelation() {
    // given
    int ran = Tripwire.RAN.get();

    // when
    asDemo()
        .contentType(ContentType.JSON)
        .body(
            "{\"messageName\":\"anything\",\"all\":true,\"processVariables\":{\"tw\":{\"value\":"
                + "\"{}\",\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":\""
                + Tripwire.class.getName()
                + "\"}}}}")
        .post("/engine-rest/message")

        // then
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("'tw'"));
    assertThat(Tripwire.RAN.get()).isEqualTo(ran);
  }

  @Test
  void shouldNotBuildAnUnlistedClassStoredBeforeTheseRules() {
    // given: an Object value naming the tripwire, stored past the arrival filter
    String businessKey = key();
    String instance = startRemote(businessKey, Map.of("amount", 12));
    runtime.setVariable(
        instance,
        "tw",
        Variables.serializedObjectValue("{\"command\":\"touch /tmp/pwned\"}")
            .objectTypeName(Tripwire.class.getName())
            .serializationDataFormat("application/json")
            .create());
    int ran = Tripwire.RAN.get();

    // when an operator reads the variables deserialized, and a worker fetches deserialized
    int read =
        asDemo()
            .get("/engine-rest/process-instance/{id}/variables?deserializeValues=true", instance)
            .statusCode();
    List<String> fetched = fetch(businessKey, true);

    // then: no tripwire code ran; the task is handed out with the value left serialized
    assertThat(Tripwire.RAN.get()).isEqualTo(ran);
    assertThat(read).isEqualTo(200);
    assertThat(fetched).hasSize(1);
  }

  @Test
  void shouldShowAStoredJsonTooDeepToReadAsUnreadableAndKeepThePage() {
    // given: a Json value nested 3,000 deep, stored past the arrival filter
    String businessKey = key();
    String instance = startRemote(businessKey, Map.of("amount", 12, "orderId", businessKey));
    runtime.setVariable(instance, "deep", SpinValues.jsonValue(DEEP_JSON).create());

    // when / then
    asDemo()
        .get("/api/instances/{id}", instance)
        .then()
        .statusCode(200)
        .body("variables.deep", startsWith("<unreadable json: "))
        .body("variables.orderId", org.hamcrest.Matchers.equalTo(businessKey));
    asDemo()
        .get("/api/instances/{id}/detail", instance)
        .then()
        .statusCode(200)
        .body("variables.find { it.name == 'deep' }.value", startsWith("<unreadable json: "))
        .body(
            "variables.find { it.name == 'orderId' }.value",
            org.hamcrest.Matchers.equalTo(businessKey));
    assertThat(fetch(businessKey, true)).hasSize(1);
  }

  @Test
  void shouldAnswerNotFoundInCamundasFormatForAVariableOfAnUnknownInstance() {
    asDemo()
        .contentType(ContentType.JSON)
        .body(Map.of("value", "x", "type", "String"))
        .put("/engine-rest/process-instance/{id}/variables/x", "no-such-instance")
        .then()
        .statusCode(404)
        .contentType(ContentType.JSON)
        .body("type", org.hamcrest.Matchers.notNullValue())
        .body("message", containsString("no-such-instance"));
  }

  @Test
  void shouldRefuseANonAsciiIdempotencyKeyAndStartNothing() throws Exception {
    // given
    String businessKey = key();
    byte[] body =
        ("{\"businessKey\":\"" + businessKey + "\",\"variables\":{\"amount\":12}}")
            .getBytes(StandardCharsets.UTF_8);
    java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
    head.write(
        ("POST /api/processes/"
                + REMOTE
                + "/instances HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: "
                + RawHttp.basic(USER)
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\n"
                + "Connection: close\r\nContent-Length: "
                + body.length
                + "\r\nIdempotency-Key: ")
            .getBytes(StandardCharsets.US_ASCII));
    head.write("ключ-1".getBytes(StandardCharsets.UTF_8));
    head.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    head.write(body);

    // when
    RawHttp.Answer answer = RawHttp.send(port, head.toByteArray(), 0, false);

    // then
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.text()).contains("application/problem+json");
    assertThat(started(businessKey)).isZero();
  }

  private static String startRemote(String businessKey, Map<String, Object> variables) {
    return asDemo()
        .contentType(ContentType.JSON)
        .body(Map.of("businessKey", businessKey, "variables", variables))
        .post("/api/processes/{key}/instances", REMOTE)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** The shipping task of that order, locked to "vars-it" once it is there. */
  private static List<String> fetch(String businessKey, boolean deserialize) {
    Map<String, Object> body =
        Map.of(
            "workerId",
            "vars-it",
            "maxTasks",
            5,
            "topics",
            List.of(
                Map.of(
                    "topicName",
                    "shipping",
                    "lockDuration",
                    60_000,
                    "businessKey",
                    businessKey,
                    "deserializeValues",
                    deserialize)));
    return Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                asDemo()
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/engine-rest/external-task/fetchAndLock")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("id", String.class),
            ids -> !ids.isEmpty());
  }

  private static long started(String businessKey) {
    return asDemo()
        .get(
            "/engine-rest/history/process-instance/count?processInstanceBusinessKey=" + businessKey)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("count");
  }

  private static String key() {
    return "vars-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
