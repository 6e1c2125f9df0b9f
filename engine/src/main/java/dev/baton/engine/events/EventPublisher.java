package dev.baton.engine.events;

import dev.baton.engine.system.BatonProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes outbox rows in sequence order, at least once, and hands each round to every {@link
 * EventSink} (RabbitMQ, webhooks): a round reads up to {@code batch-size} unpublished rows, gives
 * them to each sink in the round's transaction, and only when all took them deletes them (or marks
 * them published) in that same transaction; a failing sink leaves every row of the round to be
 * taken again. A round holds the row lock of {@code baton_event_publisher} ('amqp', its name from
 * when RabbitMQ was the only sink), so on a cluster one node takes rounds at a time and an
 * instance's events cannot overtake each other; the others skip their round. Runs on its own
 * thread, never in an engine transaction; while a sink fails it backs off (doubling up to {@code
 * max-back-off}) and rows wait. Without any sink it does not run: rows stay pending.
 */
final class EventPublisher implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);
  private static final String NAME = "amqp";

  private final List<EventSink> sinks;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final OutboxSignal signal;
  private final BatonProperties.Events.Amqp settings;
  private final Duration retention;
  private final Clock clock;
  private volatile Thread thread;
  private long lastCleanup;

  EventPublisher(
      List<EventSink> sinks,
      JdbcTemplate jdbc,
      TransactionTemplate transactions,
      OutboxSignal signal,
      BatonProperties.Events settings,
      Clock clock) {
    this.sinks = List.copyOf(sinks);
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.signal = signal;
    this.settings = settings.getAmqp();
    this.retention = settings.getRetention();
    this.clock = clock;
  }

  private void loop() {
    Duration pause = settings.getBackOff();
    boolean failing = false;
    while (thread != null) {
      try {
        int sent = round();
        if (failing) {
          log.info("Publishing process events again");
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

  /** One round; how many rows the sinks took (0 also when another node holds the lock). */
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
              sinks.forEach(sink -> sink.take(rows));
              if (!rows.isEmpty()) {
                markPublished(rows);
              }
              cleanUp();
              return rows.size();
            });
    return sent == null ? 0 : sent;
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

  @Override
  public void start() {
    if (sinks.isEmpty()) {
      return;
    }
    Thread publisher = new Thread(this::loop, "baton-events");
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
