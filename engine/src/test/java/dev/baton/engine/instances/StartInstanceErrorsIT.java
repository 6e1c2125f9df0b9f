package dev.baton.engine.instances;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.baton.engine.BatonIT;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input gets a 4xx problem+json with a message, and nothing is started. */
class StartInstanceErrorsIT extends BatonIT {

  private static final String START = "/api/processes/order-fulfillment/instances";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          not JSON at all           | hello                                        | Malformed JSON
          truncated JSON            | {"variables": {"amount": 1                   | Malformed JSON
          variables is an array     | {"variables": [1, 2]}                        | must be a JSON object
          variables is a string     | {"variables": "amount=1"}                    | must be a JSON object
          misspelt field            | {"variabls": {"amount": 1}}                  | Unknown field 'variabls'
          integer beyond long       | {"variables": {"amount": 123456789012345678901234567890}} | cannot store
          blank variable name       | {"variables": {" ": 1}}                      | must not be blank
          business key is a number  | {"businessKey": {"a": 1}}                    | Malformed JSON
          """)
  void shouldRejectMalformedStartWithoutStartingAnything(String why, String body, String message) {
    // given
    long before = startedOrders();

    // when / then
    asDemo()
        .contentType(ContentType.JSON)
        .body(body)
        .post(START)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("status", equalTo(400))
        .body("detail", containsString(message));
    assertThat(startedOrders()).isEqualTo(before);
  }

  @Test
  void shouldRejectOverlongBusinessKey() {
    asDemo()
        .contentType(ContentType.JSON)
        .body("{\"businessKey\": \"" + "k".repeat(256) + "\"}")
        .post(START)
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void shouldAnswerNotFoundForUnknownDefinitionKey() {
    asDemo()
        .contentType(ContentType.JSON)
        .body("{\"variables\": {}}")
        .post("/api/processes/no-such-process/instances")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", containsString("no-such-process"));
  }

  @Test
  void shouldAnswerNotFoundForUnknownInstanceId() {
    asDemo()
        .get("/api/instances/{id}", "does-not-exist")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", containsString("does-not-exist"));
  }

  @ParameterizedTest
  @CsvSource({
    "/api/definitions",
    "/api/instances/x",
    "/engine-rest/process-definition",
    "/engine-rest/external-task/count",
    "/"
  })
  void shouldRequireAuthentication(String path) {
    given()
        .get(path)
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", containsString("Basic"));
  }

  @Test
  void shouldRefuseUnknownUser() {
    given()
        .auth()
        .preemptive()
        .basic("nobody", "guess")
        .get("/api/definitions")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void shouldRefuseAnonymousStart() {
    // given
    long before = startedOrders();

    // when / then
    given().contentType(ContentType.JSON).body("{}").post(START).then().statusCode(401);
    assertThat(startedOrders()).isEqualTo(before);
  }

  @Test
  void shouldKeepHealthOpen() {
    given().get("/actuator/health").then().statusCode(200).body("status", equalTo("UP"));
  }

  private static long startedOrders() {
    return asDemo()
        .get("/engine-rest/history/process-instance/count?processDefinitionKey=order-fulfillment")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("count");
  }
}
