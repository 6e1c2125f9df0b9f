package dev.baton.choreography;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One event on the exchange; its type is the routing key. The id is derived from the order and the
 * type, so a service that handles an event twice (a redelivery after a crash before its ack)
 * publishes the same id again and the next service drops the repeat. The data travels with the
 * order from event to event: the order itself plus what each step added.
 *
 * @param id {@code <orderId>:<type>}, the consumers' deduplication key
 * @param type the routing key, e.g. {@code inventory.reserved}
 * @param orderId the order the event is about
 * @param data the order's fields and the results of the steps so far
 */
public record Event(String id, String type, String orderId, Map<String, Object> data) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public Event {
    // not Map.copyOf: a field may be null
    data = Collections.unmodifiableMap(new LinkedHashMap<>(data == null ? Map.of() : data));
  }

  /** The first event of an order. */
  public static Event placed(String orderId, Map<String, Object> order) {
    return of(Topics.ORDER_PLACED, orderId, order);
  }

  static Event of(String type, String orderId, Map<String, Object> data) {
    return new Event(orderId + ":" + type, type, orderId, data);
  }

  /** The event that follows this one: same order, this event's data plus {@code added}. */
  public Event next(String type, Map<String, Object> added) {
    Map<String, Object> merged = new LinkedHashMap<>(data);
    merged.putAll(added);
    return of(type, orderId, merged);
  }

  public byte[] toJson() {
    try {
      return JSON.writeValueAsBytes(this);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Event " + id + " is not JSON", e);
    }
  }

  public static Event fromJson(byte[] body) {
    try {
      Map<String, Object> raw = JSON.readValue(body, new TypeReference<>() {});
      Object data = raw.get("data");
      @SuppressWarnings("unchecked")
      Map<String, Object> fields =
          data instanceof Map<?, ?> ? (Map<String, Object>) data : Map.of();
      if (!(raw.get("id") instanceof String id
          && raw.get("type") instanceof String type
          && raw.get("orderId") instanceof String orderId)) {
        throw new IllegalArgumentException("Not an event (id, type, orderId): " + raw.keySet());
      }
      return new Event(id, type, orderId, fields);
    } catch (IOException e) {
      throw new IllegalArgumentException("Not an event: " + new String(body), e);
    }
  }

  /** A field of the data as text, or {@code null}. */
  public String text(String field) {
    Object value = data.get(field);
    return value == null ? null : value.toString();
  }
}
