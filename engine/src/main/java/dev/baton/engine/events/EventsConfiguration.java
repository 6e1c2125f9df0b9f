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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Process events out: the engine writes them to the outbox ({@code baton.engine.events.enabled}), a
 * publisher hands them to its sinks: RabbitMQ ({@code baton.engine.events.amqp.enabled}) and
 * webhooks ({@code baton.engine.events.webhooks.enabled}, in {@code webhooks/}).
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

  /** RabbitMQ as the last sink of a round: the database's sinks have written when it sends. */
  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  @ConditionalOnProperty(
      prefix = BatonProperties.PREFIX + ".events.amqp",
      name = "enabled",
      matchIfMissing = true)
  AmqpEventSink amqpEventSink(RabbitTemplate rabbit, BatonProperties properties) {
    return new AmqpEventSink(rabbit, properties.getEvents().getAmqp());
  }

  /** Rounds over the outbox for every sink there is (none: it does not run). */
  @Bean
  EventPublisher eventPublisher(
      ObjectProvider<EventSink> sinks,
      JdbcTemplate jdbc,
      TransactionTemplate transactions,
      OutboxSignal signal,
      BatonProperties properties,
      Clock clock) {
    return new EventPublisher(
        sinks.orderedStream().toList(), jdbc, transactions, signal, properties.getEvents(), clock);
  }
}
