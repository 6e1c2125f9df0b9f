package dev.baton.engine.events;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * A test's own queue (exclusive, auto-delete) bound to {@code baton.events}, and everything it has
 * received, in arrival order.
 */
public final class EventQueue {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RabbitTemplate rabbit;
  private final String name;
  private final List<Received> received = new ArrayList<>();

  private EventQueue(RabbitTemplate rabbit, String name) {
    this.rabbit = rabbit;
    this.name = name;
  }

  /** Declares the exchange (as Baton does) and a fresh queue bound to it with {@code pattern}. */
  public static EventQueue bind(ConnectionFactory connections, String pattern) {
    RabbitAdmin admin = new RabbitAdmin(connections);
    TopicExchange exchange = new TopicExchange("baton.events", true, false);
    admin.declareExchange(exchange);
    Queue queue = new AnonymousQueue();
    admin.declareQueue(queue);
    admin.declareBinding(BindingBuilder.bind(queue).to(exchange).with(pattern));
    return new EventQueue(new RabbitTemplate(connections), queue.getName());
  }

  /** Everything received so far, after taking what is waiting in the queue. */
  public synchronized List<Received> received() {
    Message message;
    while ((message = rabbit.receive(name)) != null) {
      received.add(Received.of(message));
    }
    return List.copyOf(received);
  }

  /** Waits until at least {@code count} messages arrived; all of them. */
  public List<Received> awaitAtLeast(int count, Duration timeout) {
    await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> received().size() >= count);
    return received();
  }

  /** Received messages, one per event id (at least once means a repeat is allowed). */
  public List<Received> distinct() {
    return received().stream()
        .collect(
            Collectors.toMap(
                Received::eventId, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new))
        .values()
        .stream()
        .toList();
  }

  /** Distinct events by instance. */
  public Map<String, List<Received>> byInstance() {
    return distinct().stream()
        .collect(
            Collectors.groupingBy(
                Received::processInstanceId, java.util.LinkedHashMap::new, Collectors.toList()));
  }

  /** One message as the test reads it. */
  public record Received(
      String routingKey,
      String messageId,
      String eventId,
      String type,
      String processDefinitionKey,
      String processInstanceId,
      String businessKey,
      String activityId,
      long sequence,
      JsonNode body) {

    static Received of(Message message) {
      try {
        JsonNode body = JSON.readTree(message.getBody());
        return new Received(
            message.getMessageProperties().getReceivedRoutingKey(),
            message.getMessageProperties().getMessageId(),
            body.path("eventId").asText(null),
            body.path("type").asText(null),
            body.path("processDefinitionKey").asText(null),
            body.path("processInstanceId").asText(null),
            body.path("businessKey").asText(null),
            body.path("activityId").asText(null),
            body.path("sequence").asLong(),
            body);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
