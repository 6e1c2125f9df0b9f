package dev.baton.engine;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the HTTP integration tests: one shared Baton on a random port with the demo user and the
 * demo services, on a fresh H2 file (or on PostgreSQL under {@code -Ppostgres}).
 */
// metrics export is what operators scrape, so the tests keep it on
@AutoConfigureObservability(tracing = false)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "baton.engine.security.demo-user=true",
      "baton.engine.demo.enabled=true",
      // workers polling without long-poll go STALE 2 s after their last call
      "baton.engine.workers.stale-margin=2s",
      // sign-in throttling tests wait out a refusal of 2 s (doubling), not the default 30 s
      "baton.engine.security.login-throttle.back-off=2s",
      // webhook retries after 200 ms (doubling up to 1 s), given up after 5 attempts
      "baton.engine.events.webhooks.back-off=200ms",
      "baton.engine.events.webhooks.max-back-off=1s",
      "baton.engine.events.webhooks.max-attempts=5"
    })
public abstract class BatonIT {

  protected static final String USER = "demo";

  @LocalServerPort protected int port;

  @DynamicPropertySource
  static void freshDataDirectory(DynamicPropertyRegistry registry) throws Exception {
    Path directory = Files.createTempDirectory("baton-it-");
    registry.add("BATON_DATA_DIR", directory::toString);
    // Every cached test context consumes its messages queue: each gets its own, or a message
    // published for one context's instance may be taken by another's (another database).
    String queue = "baton.messages.it-" + directory.getFileName();
    registry.add("baton.engine.messages.amqp.queue", () -> queue);
    registry.add("baton.engine.messages.amqp.dead-letter-queue", () -> queue + ".dead");
  }

  @BeforeEach
  void pointRestAssuredAtThisServer() {
    RestAssured.port = port;
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }

  /** A request signed in as the demo user. */
  protected static RequestSpecification asDemo() {
    return given().auth().preemptive().basic(USER, USER).accept(ContentType.JSON);
  }

  private final java.util.List<String> deployed = new java.util.ArrayList<>();

  /**
   * Deploys one BPMN file through Baton's API as the demo user; the deployment's id. It is deleted
   * with its instances after the test.
   */
  protected String deployBpmn(String key, String xml) {
    String deploymentId =
        asDemo()
            .multiPart(
                "file",
                key + ".bpmn",
                xml.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "application/xml")
            .post("/api/deployments")
            .then()
            .statusCode(201)
            .extract()
            .path("deploymentId");
    deployed.add(deploymentId);
    return deploymentId;
  }

  @AfterEach
  void deleteDeployedBpmn() {
    deployed.forEach(
        id -> asDemo().delete("/api/deployments/{id}?cascade=true", id).then().statusCode(204));
    deployed.clear();
  }

  /** Deploys one file through Camunda's REST API as the demo admin; the raw answer. */
  protected static io.restassured.response.Response deployThroughCamunda(
      String deploymentName, String fileName, String xml) {
    return asDemo()
        .multiPart("deployment-name", deploymentName)
        .multiPart(
            "data", fileName, xml.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/xml")
        .post("/engine-rest/deployment/create");
  }

  /** A process key no other test uses: {@code prefix} and 8 random hex digits. */
  protected static String uniqueKey(String prefix) {
    return prefix + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  }

  /** How many instances of the process {@code key} history knows, ended or not. */
  protected static long instancesEverStarted(String key) {
    return asDemo()
        .get("/engine-rest/history/process-instance/count?processDefinitionKey={key}", key)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("count");
  }

  /** How many deployments carry this name. */
  protected static int deploymentCount(String deploymentName) {
    return asDemo()
        .get("/engine-rest/deployment/count?name={name}", deploymentName)
        .then()
        .statusCode(200)
        .extract()
        .path("count");
  }

  /**
   * The effects a demo service recorded for one instance (its idempotency keys start with its id).
   */
  protected static java.util.List<Map<String, Object>> effects(String service, String instanceId) {
    return asDemo()
        .queryParam("keyPrefix", instanceId + ":")
        .get("/demo/{service}/effects", service)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("$");
  }

  /** Takes a demo service down (503 to every call) or brings it back. */
  protected static void setAvailable(String service, boolean available) {
    asDemo()
        .contentType(ContentType.JSON)
        .body(Map.of("available", available))
        .put("/demo/{service}/availability", service)
        .then()
        .statusCode(204);
  }

  /** The incidents Baton's API shows for an instance. */
  protected static java.util.List<Object> incidentsOf(String instanceId) {
    return asDemo()
        .get("/api/instances/{id}", instanceId)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("incidents");
  }

  /** Starts an order and returns the new instance's id. */
  protected static String startOrder(String businessKey, Object amount) {
    return asDemo()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "businessKey",
                businessKey,
                "variables",
                Map.of("orderId", businessKey, "amount", amount)))
        .post("/api/processes/order-fulfillment/instances")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** Starts the remote order variant and fails its shipping task with no retries: an incident. */
  protected static String startOrderWithIncident(String businessKey, String failure) {
    String id =
        asDemo()
            .contentType(ContentType.JSON)
            .body(Map.of("businessKey", businessKey, "variables", Map.of("amount", 12)))
            .post("/api/processes/order-fulfillment-remote/instances")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Map<String, Object> fetch =
        Map.of(
            "workerId",
            "it-failer",
            "maxTasks",
            1,
            "topics",
            java.util.List.of(
                Map.of(
                    "topicName", "shipping", "lockDuration", 60_000, "businessKey", businessKey)));
    String taskId =
        org.awaitility.Awaitility.await()
            .atMost(java.time.Duration.ofSeconds(30))
            .until(
                () -> {
                  java.util.List<String> ids =
                      asDemo()
                          .contentType(ContentType.JSON)
                          .body(fetch)
                          .post("/engine-rest/external-task/fetchAndLock")
                          .then()
                          .statusCode(200)
                          .extract()
                          .jsonPath()
                          .getList("id");
                  return ids.isEmpty() ? null : ids.get(0);
                },
                java.util.Objects::nonNull);
    asDemo()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "workerId",
                "it-failer",
                "errorMessage",
                failure,
                "errorDetails",
                "java.lang.IllegalStateException: " + failure + "\n\tat carrier.Ship(Ship.java:1)",
                "retries",
                0,
                "retryTimeout",
                0))
        .post("/engine-rest/external-task/{id}/failure", taskId)
        .then()
        .statusCode(204);
    return id;
  }
}
