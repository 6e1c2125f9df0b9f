package dev.baton.engine.messages;

import static dev.baton.engine.messages.MessageCalls.demo;
import static dev.baton.engine.messages.MessageCalls.send;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.baton.engine.BatonIT;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Baton without its broker: it starts, is healthy, and takes messages over HTTP. */
@TestPropertySource(
    properties = {
      "camunda.bpm.process-engine-name=nobroker",
      // nothing listens there: the AMQP listener keeps trying in the background
      "spring.rabbitmq.port=1"
    })
// Not closed after its class (no @DirtiesContext), although its listener goes on reconnecting and
// logging: closing a context stops Camunda REST's fetch-and-lock handler, a static shared by every
// context of the JVM, and every later fetch-and-lock of the suite would hang.
class MessagesWithoutBrokerIT extends BatonIT {

  @Test
  void shouldStartHealthyAndTakeMessagesOverHttpWithoutABroker() {
    // when / then
    given().get("/actuator/health").then().statusCode(200).body("status", equalTo("UP"));
    send(demo(), Map.of("name", "nobody-waits", "timeToLive", "PT1M"))
        .then()
        .statusCode(202)
        .body("state", equalTo("WAITING"));
  }
}
