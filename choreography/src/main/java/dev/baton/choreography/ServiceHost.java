package dev.baton.choreography;

import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;

/**
 * Runs one participant on its own queue and its own state. Per delivery: drop it if the event was
 * handled before; otherwise react (a technical failure is retried {@code attempts} times), record
 * where the order is, publish the next event and wait for the broker's confirm, mark the event
 * handled, and only then ack. A crash anywhere before the ack redelivers the event: the ledger call
 * repeats with the same idempotency key and the next event repeats with the same id, so neither has
 * a second effect. Given up (or injected) failures are dead-lettered and the order stays where this
 * service noted it.
 */
public final class ServiceHost implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceHost.class);

  private final Participant participant;
  private final Bus bus;
  private final ServiceState state;
  private final FailureInjector failures;
  private final int attempts;
  private final Duration retryDelay;
  private final String queue;
  private SimpleMessageListenerContainer container;

  private ServiceHost(Participant participant, Bus bus, ServiceState state, Settings settings) {
    this.participant = participant;
    this.bus = bus;
    this.state = state;
    this.failures = FailureInjector.of(settings);
    this.attempts = Math.max(1, settings.integer("attempts"));
    this.retryDelay = settings.duration("retry-delay");
    this.queue = bus.declareServiceQueue(participant.name(), participant.bindings());
  }

  /** Declares the participant's queue and bindings, opens its state and starts consuming. */
  public static ServiceHost start(Participant participant, Bus bus, Settings settings) {
    ServiceState state = ServiceState.open(participant.name(), settings);
    ServiceHost host = new ServiceHost(participant, bus, state, settings);
    host.container =
        bus.consume(
            host.queue, settings.integer("consumers"), settings.integer("prefetch"), host::onEvent);
    LOG.info("{} listens on {} for {}", participant.name(), host.queue, participant.bindings());
    return host;
  }

  public String name() {
    return participant.name();
  }

  public String queue() {
    return queue;
  }

  public ServiceState state() {
    return state;
  }

  void onEvent(Message message, Channel channel) throws IOException {
    long tag = message.getMessageProperties().getDeliveryTag();
    Event event;
    try {
      event = Event.fromJson(message.getBody());
    } catch (IllegalArgumentException unreadable) {
      LOG.warn("{}: dead-lettering an unreadable message: {}", name(), unreadable.getMessage());
      channel.basicNack(tag, false, false);
      return;
    }
    try {
      if (state.handled(event.id())) {
        channel.basicAck(tag, false); // a repeat: its effects and its next event are done
        return;
      }
      if (failures.failsAt(participant.position(event), event.orderId())) {
        throw new IllegalStateException("injected failure at step " + participant.position(event));
      }
      Participant.Reaction reaction = reactWithRetries(event);
      // state before the publish: whoever hears next may come back to this service at once (a
      // declined payment asks inventory to release what it has only just reserved)
      state.record(event.orderId(), reaction.status(), reaction.reference(), null);
      if (reaction.next() != null) {
        bus.publish(reaction.next());
      }
      state.markHandled(event.id());
      channel.basicAck(tag, false);
    } catch (RuntimeException failure) {
      LOG.warn(
          "{}: order {} stuck at {}: {}",
          name(),
          event.orderId(),
          event.type(),
          failure.toString());
      try {
        state.record(event.orderId(), "FAILED", null, event.type() + ": " + failure.getMessage());
      } finally {
        channel.basicNack(tag, false, false); // to <exchange>.dead-letters
      }
    }
  }

  private Participant.Reaction reactWithRetries(Event event) {
    for (int attempt = 1; ; attempt++) {
      try {
        return participant.react(event, state.find(event.orderId()));
      } catch (Ledger.Unavailable unavailable) {
        if (attempt >= attempts) {
          throw unavailable;
        }
        LOG.info(
            "{}: attempt {} for {} failed, retrying: {}",
            name(),
            attempt,
            event.id(),
            unavailable.getMessage());
        sleep(retryDelay);
      }
    }
  }

  private static void sleep(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to retry", e);
    }
  }

  /** Stops taking deliveries; {@code stopped} runs once the in-flight ones are done. */
  void stopConsuming(Runnable stopped) {
    if (container == null || !container.isRunning()) {
      stopped.run();
    } else {
      container.stop(stopped);
    }
  }

  @Override
  public void close() {
    if (container != null) {
      container.destroy();
    }
    state.close();
  }
}
