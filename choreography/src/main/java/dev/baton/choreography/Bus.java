package dev.baton.choreography;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory.ConfirmType;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;

/**
 * The topic exchange as the services use it: declaring their queues and bindings, publishing with a
 * broker confirm, consuming with manual acknowledgement. Every service declares what it needs;
 * there is no central setup step.
 */
public final class Bus implements AutoCloseable {

  private final CachingConnectionFactory connections;
  private final RabbitTemplate template;
  private final RabbitAdmin admin;
  private final TopicExchange exchange;
  private final FanoutExchange deadLetters;
  private final boolean temporary;
  private final long confirmTimeoutMillis;

  private Bus(Settings settings) {
    connections =
        new CachingConnectionFactory(settings.text("amqp-host"), settings.integer("amqp-port"));
    connections.setUsername(settings.text("amqp-user"));
    connections.setPassword(settings.text("amqp-password"));
    connections.setPublisherConfirmType(ConfirmType.SIMPLE);
    connections.setChannelCacheSize(Math.max(25, settings.integer("consumers") * 4));
    template = new RabbitTemplate(connections);
    admin = new RabbitAdmin(connections);
    temporary = settings.flag("temporary");
    String name = settings.text("exchange");
    exchange = new TopicExchange(name, !temporary, temporary);
    deadLetters = new FanoutExchange(name + ".dead", !temporary, temporary);
    confirmTimeoutMillis = settings.duration("confirm-timeout").toMillis();
  }

  /** Connects and declares the exchange and the dead-letter exchange and queue. */
  public static Bus connect(Settings settings) {
    Bus bus = new Bus(settings);
    bus.admin.declareExchange(bus.exchange);
    bus.admin.declareExchange(bus.deadLetters);
    Queue dead = bus.queue(bus.deadLetterQueue(), Map.of());
    bus.admin.declareQueue(dead);
    bus.admin.declareBinding(BindingBuilder.bind(dead).to(bus.deadLetters));
    return bus;
  }

  public String exchangeName() {
    return exchange.getName();
  }

  /** Where events go that a service gave up on (stuck orders, for an operator to look at). */
  public String deadLetterQueue() {
    return exchange.getName() + ".dead-letters";
  }

  /** A service's own queue, {@code <exchange>.<service>}, bound to the keys it reacts to. */
  public String declareServiceQueue(String service, List<String> routingKeys) {
    Map<String, Object> args = new HashMap<>();
    args.put("x-dead-letter-exchange", deadLetters.getName());
    Queue queue = queue(exchange.getName() + "." + service, args);
    admin.declareQueue(queue);
    for (String key : routingKeys) {
      admin.declareBinding(BindingBuilder.bind(queue).to(exchange).with(key));
    }
    return queue.getName();
  }

  /** A queue only this connection reads, removed when it closes (the runner's). */
  public String declarePrivateQueue(List<String> routingKeys) {
    Queue queue = new AnonymousQueue();
    admin.declareQueue(queue);
    for (String key : routingKeys) {
      Binding binding = BindingBuilder.bind(queue).to(exchange).with(key);
      admin.declareBinding(binding);
    }
    return queue.getName();
  }

  private Queue queue(String name, Map<String, Object> args) {
    Map<String, Object> arguments = new HashMap<>(args);
    if (temporary) {
      // unused for a minute: gone, even if the process that declared it died without cleaning up
      arguments.put("x-expires", 60_000);
    }
    return new Queue(name, !temporary, false, false, arguments);
  }

  /** Publishes persistently and returns once the broker confirmed it (it is then in the queues). */
  public void publish(Event event) {
    MessageProperties properties = new MessageProperties();
    properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
    properties.setMessageId(event.id());
    Message message = new Message(event.toJson(), properties);
    template.invoke(
        operations -> {
          operations.send(exchange.getName(), event.type(), message);
          operations.waitForConfirmsOrDie(confirmTimeoutMillis);
          return null;
        });
  }

  /** Consumers that ack themselves: the listener acks only after its effects and its publish. */
  public SimpleMessageListenerContainer consume(
      String queue, int consumers, int prefetch, ChannelAwareMessageListener listener) {
    SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connections);
    container.setQueueNames(queue);
    container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
    container.setConcurrentConsumers(consumers);
    container.setPrefetchCount(prefetch);
    container.setMessageListener(listener);
    container.setShutdownTimeout(Duration.ofSeconds(5).toMillis());
    container.afterPropertiesSet();
    container.start();
    return container;
  }

  /** Consumers acked by the container (the runner only counts what arrives). */
  public SimpleMessageListenerContainer consumeAutoAck(String queue, MessageListener listener) {
    SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connections);
    container.setQueueNames(queue);
    container.setAcknowledgeMode(AcknowledgeMode.AUTO);
    container.setMessageListener(listener);
    container.setReceiveTimeout(100); // one consumer: stops in 0.1 s instead of 1 s
    container.afterPropertiesSet();
    container.start();
    return container;
  }

  /** How many messages wait in a queue (0 when it does not exist). */
  public int depth(String queue) {
    var info = admin.getQueueInfo(queue);
    return info == null ? 0 : info.getMessageCount();
  }

  /** Removes the queues and both exchanges (tests and trials; never needed in production). */
  public void deleteTopology(List<String> queues) {
    queues.forEach(admin::deleteQueue);
    admin.deleteQueue(deadLetterQueue());
    admin.deleteExchange(exchange.getName());
    admin.deleteExchange(deadLetters.getName());
  }

  @Override
  public void close() {
    connections.destroy();
  }
}
