package dev.baton.engine.messages;

import static dev.baton.engine.messages.MessageCalls.demo;
import static dev.baton.engine.messages.MessageCalls.send;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.baton.engine.BatonIT;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** Baton without its broker: it starts, is healthy, and takes messages over HTTP. */
@TestPropertySource(
    properties = {
      "camunda.bpm.process-engine-name=nobroker",
      // nothing listens there: the AMQP listener keeps trying in the background
      "spring.rabbitmq.port=1"
    })
// closed afterwards: its listener would go on reconnecting (and logging) for the rest of the suite
@DirtiesContext
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
