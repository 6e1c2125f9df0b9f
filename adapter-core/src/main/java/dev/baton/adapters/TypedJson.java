package dev.baton.adapters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Date;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * One Camunda typed value to a plain JSON value and one JSON scalar to a typed value. Only the
 * typed-value API (camunda-commons-typed-values), which the engine and the external-task client
 * share: the engine's {@code JsonVariables} and the worker kit both build on it.
 */
public final class TypedJson {

  private static final String JSON_FORMAT = "application/json";

  private TypedJson() {}

  /**
   * A JSON scalar as the variable type that holds it faithfully (null, String, Boolean, Integer,
   * Long, Double); {@code null} for objects, arrays and numbers beyond 64 bits.
   */
  public static TypedValue scalarValue(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return Variables.untypedNullValue();
    }
    if (node.isTextual()) {
      return Variables.stringValue(node.textValue());
    }
    if (node.isBoolean()) {
      return Variables.booleanValue(node.booleanValue());
    }
    if (node.isInt()) {
      return Variables.integerValue(node.intValue());
    }
    if (node.isLong()) {
      return Variables.longValue(node.longValue());
    }
    if (node.isFloatingPointNumber()) {
      return Variables.doubleValue(node.doubleValue());
    }
    return null;
  }

  /** The marker shown in place of a stored value that cannot be read, with the reason. */
  public static String unreadable(String type, JsonProcessingException e) {
    String reason = String.valueOf(e.getOriginalMessage());
    int newline = reason.indexOf('\n');
    return "<unreadable "
        + type
        + ": "
        + (newline < 0 ? reason : reason.substring(0, newline))
        + ">";
  }

  /** One variable as a JSON-compatible value; unreadable stored JSON becomes a marker. */
  public static Object valueToJson(TypedValue value, ObjectMapper mapper) {
    if (value == null) {
      return null;
    }
    if (value instanceof SerializableValue serializable) {
      if (!JSON_FORMAT.equals(serializable.getSerializationDataFormat())) {
        return "<"
            + serializable.getType().getName()
            + " in "
            + serializable.getSerializationDataFormat()
            + ">";
      }
      String serialized = serializable.getValueSerialized();
      try {
        return serialized == null ? null : mapper.readTree(serialized);
      } catch (JsonProcessingException e) {
        // a value stored before today's limits (e.g. nested deeper than the parser allows) must
        // not take the rest of the page with it
        return unreadable(serializable.getType().getName(), e);
      }
    }
    Object plain = value.getValue();
    if (plain instanceof Date date) {
      return date.toInstant().toString();
    }
    if (plain instanceof byte[] bytes) {
      return "<" + bytes.length + " bytes>";
    }
    return plain;
  }
}
