package dev.baton.engine.messages;

import static dev.baton.engine.messages.MessageCalls.activities;
import static dev.baton.engine.messages.MessageCalls.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.BatonIT;
import dev.baton.engine.system.BatonProperties;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Messages in over RabbitMQ (127.0.0.1:5672): the messages queue (this test context's own, see
 * {@link BatonIT}), dead letters.
 */
class AmqpMessagesIT extends BatonIT {

  @Autowired RabbitTemplate rabbit;
  @Autowired BatonProperties properties;
  @Autowired ObjectMapper mapper;
  @Autowired StoredMessageRepository stored;

  @Test
  void shouldCorrelateAMessagePublishedToTheQueueAsTheConfiguredUser() throws Exception {
    // given an instance waiting for a message
    String key = "amqp-" + UUID.randomUUID().toString().substring(0, 8);
    String message = key + "-paid";
    deployBpmn(key, MessageProcesses.receiveTask(key, message));
    String id = start(key, "order-5", Map.of());
    String messageId = UUID.randomUUID().toString();

    // when the message is published to the queue
    publish(
        mapper.writeValueAsString(
            Map.of(
                "name",
                message,
                "businessKey",
                "order-5",
                "messageId",
                messageId,
                "variables",
                Map.of("paid", true))));

    // then the instance moves on, and the message is recorded as sent by the AMQP identity
    await().atMost(Duration.ofSeconds(20)).until(() -> activities(id).equals(List.of("after")));
    StoredMessage record = stored.findByMessageId(messageId).orElseThrow();
    assertThat(record.getState()).isEqualTo(MessageState.DELIVERED);
    assertThat(record.getInstanceId()).isEqualTo(id);
    assertThat(record.getSentBy()).isEqualTo("baton-amqp");
  }

  @Test
  void shouldDeadLetterAMalformedMessageAndKeepListening() throws Exception {
    // given an instance waiting for a message
    String key = "amqp-" + UUID.randomUUID().toString().substring(0, 8);
    String message = key + "-go";
    deployBpmn(key, MessageProcesses.receiveTask(key, message));
    String id = start(key, "b-1", Map.of());
    String marker = UUID.randomUUID().toString();

    // when a malformed message and one with an unknown field arrive first
    publish("{not json " + marker);
    publish("{\"name\":\"" + message + "\",\"businessKey\":\"b-1\",\"oops\":\"" + marker + "\"}");

    // then both land in the dead-letter queue, and the next good message is correlated
    assertThat(deadLettersWith(marker, 2)).hasSize(2);
    assertThat(activities(id)).containsExactly("wait");
    publish(mapper.writeValueAsString(Map.of("name", message, "businessKey", "b-1")));
    await().atMost(Duration.ofSeconds(20)).until(() -> activities(id).equals(List.of("after")));
  }

  private void publish(String json) {
    Message amqp =
        MessageBuilder.withBody(json.getBytes(StandardCharsets.UTF_8))
            .setContentType(MessageProperties.CONTENT_TYPE_JSON)
            .build();
    rabbit.send("", properties.getMessages().getAmqp().getQueue(), amqp);
  }

  /** Reads the dead-letter queue until {@code count} bodies containing {@code marker} came. */
  private List<String> deadLettersWith(String marker, int count) {
    List<String> found = new java.util.ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              Message dead =
                  rabbit.receive(properties.getMessages().getAmqp().getDeadLetterQueue(), 500);
              if (dead != null) {
                String body = new String(dead.getBody(), StandardCharsets.UTF_8);
                if (body.contains(marker)) {
                  found.add(body);
                }
              }
              return found.size() >= count;
            });
    return found;
  }
}
