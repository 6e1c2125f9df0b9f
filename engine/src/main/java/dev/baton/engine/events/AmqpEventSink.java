package dev.baton.engine.events;

import dev.baton.engine.system.BatonProperties;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Sends a round's rows to RabbitMQ on one channel and waits until the broker confirmed all of them;
 * any failure fails the round. On an idle round after a failure it checks whether the broker is
 * back, so {@code brokerConnected} tells the truth without traffic.
 */
final class AmqpEventSink implements EventSink {

  private final RabbitTemplate rabbit;
  private final BatonProperties.Events.Amqp settings;
  private volatile boolean connected;

  AmqpEventSink(RabbitTemplate rabbit, BatonProperties.Events.Amqp settings) {
    this.rabbit = rabbit;
    this.settings = settings;
  }

  /** Whether the last contact with the broker succeeded. */
  boolean brokerConnected() {
    return connected;
  }

  @Override
  public void take(List<PendingEvent> events) {
    try {
      if (events.isEmpty()) {
        if (!connected) {
          rabbit.execute(channel -> channel.isOpen());
        }
      } else {
        send(events);
      }
      connected = true;
    } catch (RuntimeException e) {
      connected = false;
      throw e;
    }
  }

  private void send(List<PendingEvent> rows) {
    rabbit.invoke(
        channel -> {
          for (PendingEvent row : rows) {
            channel.send(settings.getExchange(), row.routingKey(), message(row));
          }
          channel.waitForConfirmsOrDie(settings.getConfirmTimeout().toMillis());
          return null;
        });
  }

  private static Message message(PendingEvent row) {
    MessageProperties properties = new MessageProperties();
    properties.setMessageId(row.eventId());
    properties.setType(row.type());
    properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
    properties.setContentEncoding(StandardCharsets.UTF_8.name());
    properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
    return new Message(row.body().getBytes(StandardCharsets.UTF_8), properties);
  }
}
