package dev.baton.engine.messages;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.system.BatonProperties;
import dev.baton.engine.variables.VariablePolicy;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.config.SimpleRabbitListenerContainerFactory;
import org.springframework.amqp.rabbit.config.SimpleRabbitListenerEndpoint;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Messages in over RabbitMQ: the durable queue (dead-lettering to a durable queue through the
 * default exchange) and its listener, acknowledging by hand. Off with {@code
 * baton.engine.messages.amqp.enabled=false}. Without a broker Baton starts all the same: the queues
 * are declared when a connection opens, and the listener keeps reconnecting in the background.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(
    prefix = BatonProperties.PREFIX + ".messages.amqp",
    name = "enabled",
    matchIfMissing = true)
class AmqpConfiguration {

  @Bean
  Queue batonMessagesDeadLetters(BatonProperties properties) {
    return QueueBuilder.durable(properties.getMessages().getAmqp().getDeadLetterQueue()).build();
  }

  @Bean
  Queue batonMessages(BatonProperties properties) {
    BatonProperties.Amqp amqp = properties.getMessages().getAmqp();
    return QueueBuilder.durable(amqp.getQueue())
        .deadLetterExchange("")
        .deadLetterRoutingKey(amqp.getDeadLetterQueue())
        .build();
  }

  @Bean
  SimpleMessageListenerContainer batonMessagesListener(
      SimpleRabbitListenerContainerFactory containers,
      Messages messages,
      IdentityService identity,
      ObjectMapper mapper,
      VariablePolicy policy,
      BatonProperties properties) {
    SimpleRabbitListenerEndpoint endpoint = new SimpleRabbitListenerEndpoint();
    endpoint.setId("baton-messages");
    endpoint.setQueueNames(properties.getMessages().getAmqp().getQueue());
    endpoint.setAckMode(AcknowledgeMode.MANUAL);
    endpoint.setMessageListener(new AmqpMessages(messages, identity, mapper, policy, properties));
    return containers.createListenerContainer(endpoint);
  }
}
