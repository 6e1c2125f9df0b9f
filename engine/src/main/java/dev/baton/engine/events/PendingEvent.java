package dev.baton.engine.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

  private static final ObjectMapper JSON = new ObjectMapper();

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

  /** The event as JSON, the same text for every sink (an AMQP message, a webhook's body). */
  public String body() {
    ObjectNode body = JSON.createObjectNode();
    body.put("eventId", eventId);
    body.put("type", type);
    body.put("processDefinitionKey", processDefinitionKey);
    body.put("processInstanceId", processInstanceId);
    body.put("businessKey", businessKey);
    body.put("activityId", activityId);
    body.put("occurredAt", occurredAt.toInstant().toString());
    body.put("sequence", seq);
    try {
      body.set("data", JSON.readTree(payload));
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Outbox row " + seq + " has no valid payload", e);
    }
  }
}
