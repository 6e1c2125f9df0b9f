package dev.baton.engine.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * What waits in the outbox, for {@code GET /api/events/status} and the gauge {@code
 * baton.events.pending} (counted at most once a second, however often it is scraped).
 */
@Service
public class EventBacklog {

  private final JdbcTemplate jdbc;
  private final ObjectProvider<AmqpEventSink> publisher;
  private final Clock clock;
  private volatile long countedAt;
  private volatile long pending;

  EventBacklog(
      JdbcTemplate jdbc,
      ObjectProvider<AmqpEventSink> publisher,
      Clock clock,
      MeterRegistry meters) {
    this.jdbc = jdbc;
    this.publisher = publisher;
    this.clock = clock;
    Gauge.builder("baton.events.pending", this, EventBacklog::pendingNow)
        .description("Process events in the outbox not yet published")
        .register(meters);
  }

  /** The backlog now, read from the database. */
  public EventStatus status() {
    EventStatus status =
        jdbc.queryForObject(
            "SELECT COUNT(*), MIN(o.occurred_at),"
                + " (SELECT MAX(last_published_at) FROM baton_event_publisher)"
                + " FROM baton_event_outbox o WHERE o.published_at IS NULL",
            (rs, n) ->
                new EventStatus(
                    rs.getLong(1),
                    instant(rs.getObject(2, OffsetDateTime.class)),
                    instant(rs.getObject(3, OffsetDateTime.class)),
                    Optional.ofNullable(publisher.getIfAvailable())
                        .map(AmqpEventSink::brokerConnected)
                        .orElse(false)));
    pending = status.pending();
    countedAt = clock.millis();
    return status;
  }

  private double pendingNow() {
    if (clock.millis() - countedAt >= 1_000) {
      try {
        status();
      } catch (RuntimeException e) {
        return Double.NaN;
      }
    }
    return pending;
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
