package dev.baton.engine.messages;

import static dev.baton.engine.messages.MessageCalls.activities;
import static dev.baton.engine.messages.MessageCalls.demo;
import static dev.baton.engine.messages.MessageCalls.instanceCount;
import static dev.baton.engine.messages.MessageCalls.send;
import static dev.baton.engine.messages.MessageCalls.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.baton.engine.BatonIT;
import dev.baton.engine.security.RoleUsers;
import dev.baton.engine.security.Roles;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** POST /api/messages: correlation, early messages that wait, idempotency, refusals. */
class MessagesIT extends BatonIT {

  @Autowired StoredMessageRepository stored;
  @Autowired MessageSweeper sweeper;

  @Test
  void shouldCorrelateToTheWaitingReceiveTaskOfItsBusinessKey() {
    // given two instances waiting in a receive task, for two orders
    String key = unique("receive");
    String message = unique("paid");
    deployBpmn(key, MessageProcesses.receiveTask(key, message));
    String mine = start(key, "order-1", Map.of());
    String other = start(key, "order-2", Map.of());

    // when the message for order-1 arrives, as an operator
    send(RoleUsers.as(Roles.OPERATOR), Map.of("name", message, "businessKey", "order-1"))
        .then()
        .statusCode(200)
        .body("instanceId", equalTo(mine));

    // then that instance moved on, the other still waits
    assertThat(activities(mine)).containsExactly("after");
    assertThat(activities(other)).containsExactly("wait");
  }

  @Test
  void shouldCorrelateToTheCatchEventWhoseVariablesMatchAndSetItsVariables() {
    // given two instances at a message catch event, told apart by a variable
    String key = unique("catch");
    String message = unique("shipped");
    deployBpmn(key, MessageProcesses.catchEvent(key, message));
    String first = start(key, "b", Map.of("orderId", "A-1"));
    String second = start(key, "b", Map.of("orderId", "A-2"));

    // when
    send(
            demo(),
            Map.of(
                "name", message,
                "correlationVariables", Map.of("orderId", "A-2"),
                "variables", Map.of("carrier", "ACME", "parcels", 2)))
        .then()
        .statusCode(200)
        .body("instanceId", equalTo(second));

    // then only the matching one moved on, with the message's variables
    assertThat(activities(first)).containsExactly("wait");
    assertThat(activities(second)).containsExactly("after");
    demo()
        .get("/api/instances/{id}", second)
        .then()
        .body("variables.carrier", equalTo("ACME"))
        .body("variables.parcels", equalTo(2));
  }

  @Test
  void shouldStartAnInstanceAtAMessageStartEvent() {
    // given
    String key = unique("mstart");
    String message = unique("ordered");
    deployBpmn(key, MessageProcesses.messageStart(key, message));

    // when
    String id =
        send(
                demo(),
                Map.of("name", message, "businessKey", "o-7", "variables", Map.of("amount", 12)))
            .then()
            .statusCode(200)
            .extract()
            .path("instanceId");

    // then a new instance runs with the business key and variables
    demo()
        .get("/api/instances/{id}", id)
        .then()
        .body("definitionKey", equalTo(key))
        .body("businessKey", equalTo("o-7"))
        .body("variables.amount", equalTo(12))
        .body("activeActivityIds", equalTo(List.of("after")));
  }

  @Test
  void shouldAnswer409AndCorrelateNothingWhenSeveralInstancesWait() {
    // given two instances waiting for the same message with the same business key
    String key = unique("several");
    String message = unique("ping");
    deployBpmn(key, MessageProcesses.receiveTask(key, message));
    String first = start(key, "same", Map.of());
    String second = start(key, "same", Map.of());

    // when / then
    send(demo(), Map.of("name", message, "businessKey", "same", "messageId", unique("m")))
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString(message));
    assertThat(activities(first)).containsExactly("wait");
    assertThat(activities(second)).containsExactly("wait");
  }

  @Test
  void shouldAnswer404AndStoreNothingWhenNothingWaitsAndNoTimeToLive() {
    // given
    String messageId = unique("m");

    // when / then
    send(demo(), Map.of("name", unique("nobody-waits"), "messageId", messageId))
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", containsString("timeToLive"));
    assertThat(stored.findByMessageId(messageId)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "{\"name\":\"  \"}",
        "{\"name\":\"m\",\"timeToLive\":\"soon\"}",
        "{\"name\":\"m\",\"timeToLive\":\"PT-1S\"}",
        "{\"name\":\"m\",\"timeToLive\":\"P30D\"}",
        "{\"name\":\"m\",\"timeToLive\":5}",
        "{\"name\":\"m\",\"unknown\":1}",
        "{\"name\":\"m\",\"variables\":5}",
        "{\"name\":\"m\",\"variables\":[1,2]}",
        "{\"name\":\"m\",\"correlationVariables\":{\"o\":{\"deep\":1}}}",
        "{\"name\":\"m\",\"correlationVariables\":{\"o\":null}}",
        "{\"name\":\"m\",\"messageId\":\"has space\"}",
        "{\"name\":[\"m\"]}",
        "[]",
        "not json"
      })
  void shouldRefuseABadMessageWithA400Problem(String body) {
    // when / then
    send(demo(), body)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", notNullValue());
  }

  @Test
  void shouldCorrelateOnceWhenTheSameMessageIdIsSentTwice() {
    // given a message that started an instance
    String key = unique("once");
    String message = unique("ordered");
    deployBpmn(key, MessageProcesses.messageStart(key, message));
    Map<String, Object> body =
        Map.of("name", message, "businessKey", "o-1", "messageId", unique("m"));
    String first = send(demo(), body).then().statusCode(200).extract().path("instanceId");

    // when the sender sends it again
    send(demo(), body)
        .then()
        .statusCode(200)
        .header("Idempotent-Replayed", "true")
        .body("instanceId", equalTo(first));

    // then one instance only; the same id for another message is a conflict
    assertThat(instanceCount(key)).isEqualTo(1);
    send(demo(), Map.of("name", message, "businessKey", "o-2", "messageId", body.get("messageId")))
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    assertThat(instanceCount(key)).isEqualTo(1);
  }

  @Test
  void shouldDeliverAMessageSentBeforeItsCatchEventIsReached() {
    // given an instance that reaches its catch event only after a timer of 3 s
    String key = unique("early");
    String message = unique("approved");
    deployBpmn(key, MessageProcesses.timerThenCatch(key, message, "PT3S"));
    RequestSpecification operator = RoleUsers.as(Roles.OPERATOR);
    String id = start(key, "case-9", Map.of());

    // when its message arrives first (202: nothing waited), from an operator, with time to live
    String messageId =
        send(
                operator,
                Map.of(
                    "name",
                    message,
                    "businessKey",
                    "case-9",
                    "timeToLive",
                    "PT1M",
                    "variables",
                    Map.of("approvedBy", "ops")))
            .then()
            .statusCode(202)
            .body("state", equalTo("WAITING"))
            .body("expiresAt", notNullValue())
            .extract()
            .path("messageId");

    // then it is delivered once the instance waits for it, and shows as delivered to it
    await().atMost(Duration.ofSeconds(30)).until(() -> activities(id).equals(List.of("after")));
    demo().get("/api/instances/{id}", id).then().body("variables.approvedBy", equalTo("ops"));
    assertThat(listed("DELIVERED", messageId))
        .containsEntry("instanceId", id)
        .containsEntry("sentBy", RoleUsers.of(Roles.OPERATOR));
  }

  @Test
  void shouldNeverDeliverAMessagePastItsTimeToLive() {
    // given a message that waited 1 s for nothing and expired
    String key = unique("late");
    String message = unique("approved");
    String messageId =
        send(demo(), Map.of("name", message, "businessKey", "case-1", "timeToLive", "PT1S"))
            .then()
            .statusCode(202)
            .extract()
            .path("messageId");
    await().atMost(Duration.ofSeconds(15)).until(() -> listed("EXPIRED", messageId) != null);

    // when its instance starts waiting for it afterwards
    deployBpmn(key, MessageProcesses.receiveTask(key, message));
    String id = start(key, "case-1", Map.of());

    // then it keeps waiting: the message is not delivered
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> activities(id).equals(List.of("wait")));
    assertThat(stored.findByMessageId(messageId).orElseThrow().getState())
        .isEqualTo(MessageState.EXPIRED);
  }

  @Test
  void shouldDeliverAWaitingMessageToAnInstanceStartedLater() {
    // given a message waiting for a process not even deployed yet
    String key = unique("later");
    String message = unique("go");
    String messageId = unique("m");
    send(
            demo(),
            Map.of(
                "name", message, "businessKey", "k", "timeToLive", "PT5M", "messageId", messageId))
        .then()
        .statusCode(202)
        .body("messageId", equalTo(messageId));

    // when the process is deployed and an instance reaches its receive task
    deployBpmn(key, MessageProcesses.receiveTask(key, message));
    String id = start(key, "k", Map.of());

    // then the message reaches it; sending it again answers that outcome
    await().atMost(Duration.ofSeconds(15)).until(() -> activities(id).equals(List.of("after")));
    send(
            demo(),
            Map.of(
                "name", message, "businessKey", "k", "timeToLive", "PT5M", "messageId", messageId))
        .then()
        .statusCode(200)
        .header("Idempotent-Replayed", "true")
        .body("instanceId", equalTo(id));
  }

  @Test
  void shouldDeliverAWaitingMessageOnceWhenSweepsRace() throws Exception {
    // given a message waiting for a message start event that is not deployed yet
    String key = unique("race");
    String message = unique("ordered");
    send(demo(), Map.of("name", message, "timeToLive", "PT5M", "messageId", unique("m")))
        .then()
        .statusCode(202);

    // when the start event appears and four sweeps (besides the scheduled one) race for it
    deployBpmn(key, MessageProcesses.messageStart(key, message));
    ExecutorService nodes = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> sweeps =
          java.util.stream.IntStream.range(0, 4)
              .mapToObj(i -> nodes.submit(sweeper::sweep))
              .toList();
      for (Future<Integer> sweep : sweeps) {
        sweep.get(30, TimeUnit.SECONDS);
      }
    } finally {
      nodes.shutdownNow();
    }

    // then exactly one instance was started by it
    await().atMost(Duration.ofSeconds(10)).until(() -> instanceCount(key) == 1);
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(3))
        .until(() -> instanceCount(key) == 1);
  }

  @Test
  void shouldDiscardAWaitingMessageSoItIsNeverDelivered() {
    // given
    String key = unique("discard");
    String message = unique("go");
    String messageId = unique("m");
    send(demo(), Map.of("name", message, "timeToLive", "PT5M", "messageId", messageId))
        .then()
        .statusCode(202);

    // when an operator discards it
    RoleUsers.as(Roles.OPERATOR).delete("/api/messages/{id}", messageId).then().statusCode(204);

    // then an instance waiting for it afterwards never gets it
    deployBpmn(key, MessageProcesses.receiveTask(key, message));
    String id = start(key, "any", Map.of());
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> activities(id).equals(List.of("wait")));
    assertThat(listed("DISCARDED", messageId)).isNotNull();
    demo().delete("/api/messages/{id}", messageId).then().statusCode(409);
    demo().delete("/api/messages/{id}", unique("none")).then().statusCode(404);
  }

  @Test
  void shouldRefuseAnalystsWithNothingStoredOrCorrelated() {
    // given an instance waiting for a message
    String key = unique("guarded");
    String message = unique("go");
    deployBpmn(key, MessageProcesses.receiveTask(key, message));
    String id = start(key, "g", Map.of());
    String messageId = unique("m");
    Map<String, Object> body =
        Map.of("name", message, "businessKey", "g", "messageId", messageId, "timeToLive", "PT1M");

    // when an analyst sends it, by the path and with a trailing slash, or lists and discards
    for (String path : List.of("/api/messages", "/api/messages/")) {
      RoleUsers.as(Roles.ANALYST)
          .contentType("application/json")
          .body(body)
          .post(path)
          .then()
          .statusCode(403)
          .contentType("application/problem+json");
    }
    RoleUsers.as(Roles.ANALYST).get("/api/messages").then().statusCode(403);
    RoleUsers.as(Roles.ANALYST).delete("/api/messages/{id}", messageId).then().statusCode(403);

    // then nothing was stored and nothing correlated, even after a sweep's time
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(3))
        .until(() -> activities(id).equals(List.of("wait")));
    assertThat(stored.findByMessageId(messageId)).isEmpty();
  }

  /** The listed message with this id among the newest of a state, or null. */
  private static Map<String, Object> listed(String state, String messageId) {
    List<Map<String, Object>> items =
        demo()
            .get("/api/messages?state={state}&size=500", state)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items");
    return items.stream()
        .filter(item -> messageId.equals(item.get("messageId")))
        .findFirst()
        .orElse(null);
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + Instant.now().getNano();
  }
}
