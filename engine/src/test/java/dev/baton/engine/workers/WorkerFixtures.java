package dev.baton.engine.workers;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.client.interceptor.auth.BasicAuthProvider;

/** Small factories for worker tests: registered credentials and official clients. */
final class WorkerFixtures {

  static final String TOPIC = "shipping";
  static final String REMOTE_PROCESS = "order-fulfillment-remote";

  private WorkerFixtures() {}

  /** A worker id no other test uses. */
  static String uniqueWorkerId(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Registers a worker as the demo admin and returns its key. */
  static String register(String workerId, List<String> topics) {
    return asDemo()
        .contentType(ContentType.JSON)
        .body(Map.of("workerId", workerId, "topics", topics))
        .post("/api/workers")
        .then()
        .statusCode(201)
        .extract()
        .path("key");
  }

  /** The official Java client, long polling without back-off, signed in with a worker key. */
  static ExternalTaskClient client(int port, String workerId, String key, int maxTasks) {
    return ExternalTaskClient.create()
        .baseUrl("http://localhost:" + port + "/engine-rest")
        .workerId(workerId)
        .maxTasks(maxTasks)
        .asyncResponseTimeout(2_000)
        .lockDuration(20_000)
        .disableBackoffStrategy()
        .addInterceptor(new BasicAuthProvider(workerId, key))
        .build();
  }

  /** Starts the remote order variant and returns the instance id. */
  static String startRemoteOrder(String businessKey, Map<String, Object> variables) {
    return asDemo()
        .contentType(ContentType.JSON)
        .body(Map.of("businessKey", businessKey, "variables", variables))
        .post("/api/processes/{key}/instances", REMOTE_PROCESS)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static io.restassured.specification.RequestSpecification asDemo() {
    return given().auth().preemptive().basic("demo", "demo").accept(ContentType.JSON);
  }

  static io.restassured.specification.RequestSpecification asWorker(String workerId, String key) {
    return given().auth().preemptive().basic(workerId, key).accept(ContentType.JSON);
  }
}
