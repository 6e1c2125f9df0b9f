package dev.baton.engine.events;

import java.time.OffsetDateTime;
import org.springframework.jdbc.core.RowMapper;

/** An outbox row read for publishing. */
public record PendingEvent(
    long seq,
    String eventId,
    String type,
    String processDefinitionKey,
    String processInstanceId,
    String businessKey,
    String activityId,
    String payload,
    OffsetDateTime occurredAt) {

  static final RowMapper<PendingEvent> ROW =
      (rs, n) ->
          new PendingEvent(
              rs.getLong("seq"),
              rs.getString("event_id"),
              rs.getString("event_type"),
              rs.getString("process_definition_key"),
              rs.getString("process_instance_id"),
              rs.getString("business_key"),
              rs.getString("activity_id"),
              rs.getString("payload"),
              rs.getObject("occurred_at", OffsetDateTime.class));

  /** {@code <process definition key>.<event type>}, e.g. {@code order.step.completed}. */
  String routingKey() {
    return (processDefinitionKey == null ? "unknown" : processDefinitionKey) + "." + type;
  }

  /**
   * The event as JSON, the same text for every sink (an AMQP message, a webhook's body; {@link
   * EventJson} is its one source, shared with the console's stream).
   */
  public String body() {
    return EventJson.text(this);
  }
}
