package dev.baton.engine.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * The JSON of a process event on the wire, one source for every channel: the AMQP message body and
 * the {@code data:} of the console's event stream.
 */
final class EventJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private EventJson() {}

  /** An outbox row read for publishing, with its sequence. */
  static ObjectNode of(PendingEvent row) {
    return of(
        row.eventId(),
        row.type(),
        row.processDefinitionKey(),
        row.processInstanceId(),
        row.businessKey(),
        row.activityId(),
        row.occurredAt().toInstant(),
        row.seq(),
        row.payload());
  }

  /** An outbox row read for publishing, as text. */
  static String text(PendingEvent row) {
    try {
      return JSON.writeValueAsString(of(row));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Outbox row " + row.seq() + " cannot be written", e);
    }
  }

  /** An event just committed on this node; its sequence is not known here, so it is left out. */
  static String of(OutboxEvent event) {
    try {
      return JSON.writeValueAsString(
          of(
              event.eventId(),
              event.type().key(),
              event.processDefinitionKey(),
              event.processInstanceId(),
              event.businessKey(),
              event.activityId(),
              event.occurredAt(),
              null,
              event.payload()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Process event " + event.eventId() + " cannot be written", e);
    }
  }

  private static ObjectNode of(
      String eventId,
      String type,
      String processDefinitionKey,
      String processInstanceId,
      String businessKey,
      String activityId,
      Instant occurredAt,
      Long sequence,
      String payload) {
    ObjectNode body = JSON.createObjectNode();
    body.put("eventId", eventId);
    body.put("type", type);
    body.put("processDefinitionKey", processDefinitionKey);
    body.put("processInstanceId", processInstanceId);
    body.put("businessKey", businessKey);
    body.put("activityId", activityId);
    body.put("occurredAt", occurredAt.toString());
    if (sequence != null) {
      body.put("sequence", sequence);
    }
    try {
      body.set("data", JSON.readTree(payload));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Process event " + eventId + " has no valid payload", e);
    }
    return body;
  }
}
