package dev.baton.engine.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.engine.system.BatonProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends outbox rows to RabbitMQ in sequence order, at least once: a round reads up to {@code
 * batch-size} unpublished rows, sends them on one channel, waits for the broker to confirm all of
 * them, and only then deletes them (or marks them published); any failure leaves every row of the
 * round to be sent again. A round holds the row lock of {@code baton_event_publisher} ('amqp'), so
 * on a cluster one node publishes at a time and an instance's events cannot overtake each other;
 * the others skip their round. Runs on its own thread, never in an engine transaction; with the
 * broker down it backs off (doubling up to {@code max-back-off}) and rows wait.
 */
final class AmqpEventPublisher implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(AmqpEventPublisher.class);
  private static final String NAME = "amqp";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RabbitTemplate rabbit;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final OutboxSignal signal;
  private final BatonProperties.Events.Amqp settings;
  private final Duration retention;
  private final Clock clock;
  private volatile boolean connected;
  private volatile Thread thread;
  private long lastCleanup;

  AmqpEventPublisher(
      RabbitTemplate rabbit,
      JdbcTemplate jdbc,
      TransactionTemplate transactions,
      OutboxSignal signal,
      BatonProperties.Events settings,
      Clock clock) {
    this.rabbit = rabbit;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.signal = signal;
    this.settings = settings.getAmqp();
    this.retention = settings.getRetention();
    this.clock = clock;
  }

  /** Whether the last contact with the broker succeeded. */
  boolean brokerConnected() {
    return connected;
  }

  private void loop() {
    Duration pause = settings.getBackOff();
    boolean failing = false;
    while (thread != null) {
      try {
        int sent = round();
        if (!connected && sent == 0) {
          rabbit.execute(channel -> channel.isOpen()); // idle: see whether the broker is back
        }
        connected = true;
        if (failing) {
          log.info("Publishing process events to RabbitMQ again");
          failing = false;
        }
        pause = settings.getBackOff();
        if (sent < settings.getBatchSize()) {
          signal.await(settings.getPollInterval());
          Thread.sleep(settings.getLinger().toMillis());
        }
      } catch (InterruptedException stopped) {
        return;
      } catch (RuntimeException e) {
        connected = false;
        if (!failing) {
          log.warn(
              "Process events cannot be published now; they wait in the outbox: {}", e.toString());
          failing = true;
        }
        try {
          Thread.sleep(pause.toMillis());
        } catch (InterruptedException stopped) {
          return;
        }
        pause =
            pause.multipliedBy(2).compareTo(settings.getMaxBackOff()) > 0
                ? settings.getMaxBackOff()
                : pause.multipliedBy(2);
      }
    }
  }

  /** One round; how many rows it published (0 also when another node holds the lock). */
  int round() {
    Integer sent =
        transactions.execute(
            status -> {
              List<String> lock =
                  jdbc.queryForList(
                      "SELECT name FROM baton_event_publisher WHERE name = ? FOR UPDATE SKIP LOCKED",
                      String.class,
                      NAME);
              if (lock.isEmpty()) {
                return 0;
              }
              List<PendingEvent> rows =
                  jdbc.query(
                      "SELECT seq, event_id, event_type, process_definition_key,"
                          + " process_instance_id, business_key, activity_id, payload, occurred_at"
                          + " FROM baton_event_outbox WHERE published_at IS NULL ORDER BY seq"
                          + " FETCH FIRST ? ROWS ONLY",
                      PendingEvent.ROW,
                      settings.getBatchSize());
              if (!rows.isEmpty()) {
                send(rows);
                markPublished(rows);
              }
              cleanUp();
              return rows.size();
            });
    return sent == null ? 0 : sent;
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

  private void markPublished(List<PendingEvent> rows) {
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    List<Object[]> seqs = rows.stream().map(row -> new Object[] {row.seq()}).toList();
    if (retention.isZero()) {
      jdbc.batchUpdate("DELETE FROM baton_event_outbox WHERE seq = ?", seqs);
    } else {
      jdbc.batchUpdate(
          "UPDATE baton_event_outbox SET published_at = ? WHERE seq = ?",
          rows.stream().map(row -> new Object[] {now, row.seq()}).toList());
    }
    jdbc.update("UPDATE baton_event_publisher SET last_published_at = ? WHERE name = ?", now, NAME);
  }

  /** Published rows past their retention, at most once a minute. */
  private void cleanUp() {
    long now = clock.millis();
    if (retention.isZero() || now - lastCleanup < 60_000) {
      return;
    }
    lastCleanup = now;
    jdbc.update(
        "DELETE FROM baton_event_outbox WHERE published_at < ?",
        OffsetDateTime.now(clock).minus(retention).withOffsetSameInstant(ZoneOffset.UTC));
  }

  private static Message message(PendingEvent row) {
    ObjectNode body = EventJson.of(row);
    try {
      MessageProperties properties = new MessageProperties();
      properties.setMessageId(row.eventId());
      properties.setType(row.type());
      properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
      properties.setContentEncoding(StandardCharsets.UTF_8.name());
      properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
      return new Message(JSON.writeValueAsBytes(body), properties);
    } catch (IOException e) {
      throw new IllegalStateException("Outbox row " + row.seq() + " has no valid payload", e);
    }
  }

  @Override
  public void start() {
    Thread publisher = new Thread(this::loop, "baton-events-amqp");
    publisher.setDaemon(true);
    thread = publisher;
    publisher.start();
  }

  @Override
  public void stop() {
    Thread publisher = thread;
    thread = null;
    if (publisher != null) {
      publisher.interrupt();
      try {
        publisher.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return thread != null;
  }
}
