package dev.baton.engine.webhooks;

import dev.baton.engine.events.EventSink;
import dev.baton.engine.events.PendingEvent;
import dev.baton.engine.system.BatonProperties;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The webhooks' sink of the publisher's rounds: one PENDING delivery per event and webhook that
 * wants it, inserted in the round's transaction, so an event leaves the outbox only together with
 * its deliveries. The first sink of a round: when a later one (RabbitMQ) fails, these rows roll
 * back with the round and are written again when it is taken again.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnProperty(
    prefix = BatonProperties.PREFIX + ".events.webhooks",
    name = "enabled",
    matchIfMissing = true)
class WebhookFanOut implements EventSink {

  static final String INSERT =
      "INSERT INTO baton_webhook_delivery (id, webhook_id, event_id, event_type,"
          + " process_instance_id, sequence, body, status, attempts, next_attempt_at, created_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)";

  private final WebhookSubscriptions subscriptions;
  private final WebhookDispatcher dispatcher;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  WebhookFanOut(
      WebhookSubscriptions subscriptions,
      WebhookDispatcher dispatcher,
      JdbcTemplate jdbc,
      Clock clock) {
    this.subscriptions = subscriptions;
    this.dispatcher = dispatcher;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void take(List<PendingEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    List<WebhookSubscriptions.Subscription> all = subscriptions.current();
    if (all.isEmpty()) {
      return;
    }
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    List<Object[]> rows = new ArrayList<>();
    for (PendingEvent event : events) {
      String body = null;
      for (WebhookSubscriptions.Subscription subscription : all) {
        if (subscription.wants(event)) {
          body = body == null ? event.body() : body;
          rows.add(
              new Object[] {
                UUID.randomUUID().toString(),
                subscription.webhookId(),
                event.eventId(),
                event.type(),
                event.processInstanceId(),
                event.seq(),
                body,
                now,
                now
              });
        }
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    jdbc.batchUpdate(INSERT, rows);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              dispatcher.wake();
            }
          });
    }
  }
}
