package dev.baton.choreography;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;

/** A test's own queue on the exchange: every event matching its patterns, in arrival order. */
final class EventLog implements AutoCloseable {

  private final List<Event> received = new CopyOnWriteArrayList<>();
  private final SimpleMessageListenerContainer container;

  EventLog(Bus bus, List<String> patterns) {
    String queue = bus.declarePrivateQueue(patterns);
    container =
        bus.consumeAutoAck(queue, message -> received.add(Event.fromJson(message.getBody())));
  }

  List<Event> forOrder(String orderId) {
    return received.stream().filter(e -> e.orderId().equals(orderId)).toList();
  }

  /** Waits for the order's event of this type and returns it. */
  Event waitFor(String orderId, String type) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> forOrder(orderId).stream().filter(e -> e.type().equals(type)).findFirst(),
            java.util.Optional::isPresent)
        .orElseThrow();
  }

  /** The orders seen, each once. */
  List<String> orderIds() {
    return received.stream().map(Event::orderId).distinct().toList();
  }

  List<String> typesFor(String orderId) {
    return forOrder(orderId).stream().map(Event::type).toList();
  }

  @Override
  public void close() {
    container.stop();
  }
}
