package dev.baton.engine.webhooks;

import dev.baton.engine.events.PendingEvent;
import dev.baton.engine.system.BatonProperties;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The registered webhooks' filters, cached: read again when this node changes them and at most
 * every {@code refresh-interval} for changes made on other nodes. With none registered a round's
 * fan-out costs one small read per interval.
 */
@Component
class WebhookSubscriptions {

  /** Which events a webhook wants: a process key (null: any) and types (empty: all). */
  record Subscription(String webhookId, String processKey, Set<String> types) {

    boolean wants(PendingEvent event) {
      return (processKey == null || processKey.equals(event.processDefinitionKey()))
          && (types.isEmpty() || types.contains(event.type()));
    }
  }

  private final JdbcTemplate jdbc;
  private final BatonProperties.Events.Webhooks settings;
  private final Clock clock;
  private volatile List<Subscription> current;
  private volatile long readAt;

  WebhookSubscriptions(JdbcTemplate jdbc, BatonProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.settings = properties.getEvents().getWebhooks();
    this.clock = clock;
  }

  /** Every webhook's filter, as of at most {@code refresh-interval} ago. */
  List<Subscription> current() {
    List<Subscription> known = current;
    if (known == null || clock.millis() - readAt >= settings.getRefreshInterval().toMillis()) {
      known = read();
    }
    return known;
  }

  /** Forgets the cache: the next round reads the table. */
  void changed() {
    current = null;
  }

  private List<Subscription> read() {
    List<Subscription> read =
        jdbc.query(
            "SELECT id, process_key, event_types FROM baton_webhook",
            (rs, n) ->
                new Subscription(
                    rs.getString("id"),
                    rs.getString("process_key"),
                    Set.copyOf(Webhook.types(rs.getString("event_types")))));
    readAt = clock.millis();
    current = read;
    return read;
  }
}
