package dev.baton.engine.messages;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;

/** Calls the message tests make as the demo user (every role). */
final class MessageCalls {

  private MessageCalls() {}

  static RequestSpecification demo() {
    return given().auth().preemptive().basic("demo", "demo").accept(ContentType.JSON);
  }

  /** POST /api/messages with this body, as {@code as}. */
  static Response send(RequestSpecification as, Object body) {
    return as.contentType(ContentType.JSON).body(body).post("/api/messages");
  }

  /** Starts the latest version of {@code key} with a business key and variables; its id. */
  static String start(String key, String businessKey, Map<String, Object> variables) {
    return demo()
        .contentType(ContentType.JSON)
        .body(Map.of("businessKey", businessKey, "variables", variables))
        .post("/api/processes/{key}/instances", key)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** Where the instance waits now (empty once ended). */
  static List<String> activities(String instanceId) {
    return demo()
        .get("/api/instances/{id}", instanceId)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("activeActivityIds");
  }

  /** How many instances of {@code key} exist, running or ended. */
  static int instanceCount(String key) {
    return demo()
        .get("/api/instances?definitionKey={key}", key)
        .then()
        .statusCode(200)
        .extract()
        .path("total");
  }
}
