package dev.baton.engine;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
      "baton.engine.workers.stale-margin=2s"
    })
public abstract class BatonIT {

  protected static final String USER = "demo";

  @LocalServerPort protected int port;

  @DynamicPropertySource
  static void freshDataDirectory(DynamicPropertyRegistry registry) throws Exception {
    Path directory = Files.createTempDirectory("baton-it-");
    registry.add("BATON_DATA_DIR", directory::toString);
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
}
