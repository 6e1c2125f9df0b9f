package dev.baton.engine.webhooks;

import dev.baton.engine.system.BatonProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends pending deliveries, on every node. A pass reads due deliveries that have no earlier (lower
 * sequence) delivery of the same webhook and instance still PENDING, claims each with a conditional
 * update (attempts unchanged; it counts the attempt and pushes {@code next_attempt_at} past the
 * longest request, so no other node takes it meanwhile and its successors keep waiting), sends the
 * claimed ones in parallel and records each outcome: DELIVERED, PENDING again after the {@link
 * RetrySchedule}'s wait, or FAILED. A node that dies mid-request leaves its claim to expire.
 */
@Component
@ConditionalOnProperty(
    prefix = BatonProperties.PREFIX + ".events.webhooks",
    name = "enabled",
    matchIfMissing = true)
class WebhookDispatcher implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

  /** A delivery due now, with its webhook's URL and secret. */
  record Due(
      String id,
      String eventId,
      String eventType,
      String body,
      int attempts,
      String url,
      String secret) {}

  private static final String DUE =
      "SELECT d.id, d.event_id, d.event_type, d.body, d.attempts, w.url, w.secret"
          + " FROM baton_webhook_delivery d JOIN baton_webhook w ON w.id = d.webhook_id"
          + " WHERE d.status = 'PENDING' AND d.next_attempt_at <= ?"
          + " AND NOT EXISTS (SELECT 1 FROM baton_webhook_delivery e"
          + " WHERE e.webhook_id = d.webhook_id AND e.process_instance_id = d.process_instance_id"
          + " AND e.status = 'PENDING' AND e.sequence < d.sequence)"
          + " ORDER BY d.sequence FETCH FIRST ? ROWS ONLY";

  private final JdbcTemplate jdbc;
  private final BatonProperties.Events.Webhooks settings;
  private final Clock clock;
  private final Semaphore wakeUp = new Semaphore(0);
  private volatile Thread thread;
  private ExecutorService senders;

  WebhookDispatcher(JdbcTemplate jdbc, BatonProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.settings = properties.getEvents().getWebhooks();
    this.clock = clock;
  }

  /** New or retried deliveries were committed: look now. */
  void wake() {
    if (wakeUp.availablePermits() == 0) {
      wakeUp.release();
    }
  }

  private void loop() {
    WebhookSender sender = new WebhookSender(settings);
    while (thread != null) {
      try {
        // after any attempt look again at once: a delivered event may have unblocked its successor
        if (pass(sender) == 0
            && wakeUp.tryAcquire(settings.getPollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
          wakeUp.drainPermits();
        }
      } catch (InterruptedException stopped) {
        return;
      } catch (RuntimeException e) {
        log.warn("Webhook deliveries cannot be read now: {}", e.toString());
        try {
          Thread.sleep(settings.getPollInterval().toMillis());
        } catch (InterruptedException stopped) {
          return;
        }
      }
    }
  }

  /** One pass; how many deliveries it attempted. */
  int pass(WebhookSender sender) throws InterruptedException {
    List<Due> due = jdbc.query(DUE, WebhookDispatcher::due, now(), settings.getBatchSize());
    List<Future<?>> attempts = new ArrayList<>();
    for (Due delivery : due) {
      if (claim(delivery)) {
        attempts.add(senders.submit(() -> attempt(sender, delivery)));
      }
    }
    for (Future<?> attempt : attempts) {
      try {
        attempt.get();
      } catch (java.util.concurrent.ExecutionException e) {
        log.warn("A webhook delivery's outcome could not be recorded: {}", e.getCause().toString());
      }
    }
    return attempts.size();
  }

  private boolean claim(Due delivery) {
    Duration longest = settings.getConnectTimeout().plus(settings.getReadTimeout()).plusSeconds(30);
    return jdbc.update(
            "UPDATE baton_webhook_delivery SET attempts = attempts + 1, next_attempt_at = ?"
                + " WHERE id = ? AND status = 'PENDING' AND attempts = ?",
            now().plus(longest),
            delivery.id(),
            delivery.attempts())
        == 1;
  }

  private Void attempt(WebhookSender sender, Due delivery) throws InterruptedException {
    WebhookSender.Outcome outcome = sender.send(delivery);
    int attempts = delivery.attempts() + 1;
    Integer status = outcome.status() == 0 ? null : outcome.status();
    if (outcome.delivered()) {
      jdbc.update(
          "UPDATE baton_webhook_delivery SET status = 'DELIVERED', delivered_at = ?,"
              + " last_status = ?, last_error = NULL WHERE id = ? AND attempts = ?",
          now(),
          status,
          delivery.id(),
          attempts);
      return null;
    }
    String error =
        outcome.error().length() > 1000 ? outcome.error().substring(0, 1000) : outcome.error();
    Duration wait = schedule().after(attempts);
    if (wait == null) {
      jdbc.update(
          "UPDATE baton_webhook_delivery SET status = 'FAILED', last_status = ?, last_error = ?"
              + " WHERE id = ? AND attempts = ?",
          status,
          error,
          delivery.id(),
          attempts);
    } else {
      jdbc.update(
          "UPDATE baton_webhook_delivery SET next_attempt_at = ?, last_status = ?, last_error = ?"
              + " WHERE id = ? AND attempts = ?",
          now().plus(wait),
          status,
          error,
          delivery.id(),
          attempts);
    }
    return null;
  }

  private RetrySchedule schedule() {
    return new RetrySchedule(
        settings.getBackOff(), settings.getMaxBackOff(), settings.getMaxAttempts());
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }

  private static Due due(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Due(
        rs.getString("id"),
        rs.getString("event_id"),
        rs.getString("event_type"),
        rs.getString("body"),
        rs.getInt("attempts"),
        rs.getString("url"),
        rs.getString("secret"));
  }

  @Override
  public void start() {
    senders = Executors.newFixedThreadPool(settings.getConcurrency(), daemon("baton-webhook-send"));
    Thread dispatcher = new Thread(this::loop, "baton-webhooks");
    dispatcher.setDaemon(true);
    thread = dispatcher;
    dispatcher.start();
  }

  @Override
  public void stop() {
    Thread dispatcher = thread;
    thread = null;
    if (dispatcher != null) {
      dispatcher.interrupt();
      try {
        dispatcher.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (senders != null) {
      senders.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return thread != null;
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread sender = new Thread(runnable, name);
      sender.setDaemon(true);
      return sender;
    };
  }
}
