package dev.baton.engine.events;

import dev.baton.engine.system.BatonProperties;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Process events out: the engine writes them to the outbox ({@code baton.engine.events.enabled}), a
 * publisher sends them to RabbitMQ ({@code baton.engine.events.amqp.enabled}).
 */
@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

  @Bean
  static OutboxSignal outboxSignal() {
    return new OutboxSignal();
  }

  /** The console's live events of this node's commits; closed (its threads too) at shutdown. */
  @Bean
  EventStream eventStream(BatonProperties properties) {
    return new EventStream(properties.getEvents().getStream());
  }

  /** The outbox's history event handler and its per-command session, added to the engine's. */
  @Bean
  @ConditionalOnProperty(
      prefix = BatonProperties.PREFIX + ".events",
      name = "enabled",
      matchIfMissing = true)
  ProcessEnginePlugin eventOutbox(OutboxSignal signal, EventStream stream) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = new ArrayList<>();
        if (configuration.getCustomHistoryEventHandlers() != null) {
          handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        handlers.add(new OutboxHistoryEventHandler());
        configuration.setCustomHistoryEventHandlers(handlers);
        List<SessionFactory> sessions = new ArrayList<>();
        if (configuration.getCustomSessionFactories() != null) {
          sessions.addAll(configuration.getCustomSessionFactories());
        }
        sessions.add(new OutboxSession.Factory(signal, stream));
        configuration.setCustomSessionFactories(sessions);
      }

      @Override
      public String toString() {
        return "EventOutbox";
      }
    };
  }

  /** Declared (durable) whenever a connection to the broker opens. */
  @Bean
  @ConditionalOnProperty(
      prefix = BatonProperties.PREFIX + ".events.amqp",
      name = "enabled",
      matchIfMissing = true)
  TopicExchange batonEventsExchange(BatonProperties properties) {
    return new TopicExchange(properties.getEvents().getAmqp().getExchange(), true, false);
  }

  @Bean
  @ConditionalOnProperty(
      prefix = BatonProperties.PREFIX + ".events.amqp",
      name = "enabled",
      matchIfMissing = true)
  AmqpEventPublisher amqpEventPublisher(
      RabbitTemplate rabbit,
      JdbcTemplate jdbc,
      TransactionTemplate transactions,
      OutboxSignal signal,
      BatonProperties properties,
      Clock clock) {
    return new AmqpEventPublisher(
        rabbit, jdbc, transactions, signal, properties.getEvents(), clock);
  }
}
