package dev.baton.adapters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Converts between plain JSON values (what HTTP services and Baton's API speak) and Camunda
 * variables. Scalars map to Java scalars; objects and arrays become Spin JSON variables, never
 * serialized Java objects.
 */
public final class JsonVariables {

  private static final String JSON_FORMAT = "application/json";

  private JsonVariables() {}

  /** A JSON object's fields as variables; rejects values that have no faithful variable form. */
  public static VariableMap fromJson(JsonNode object) {
    if (object == null || object.isNull() || object.isMissingNode()) {
      return Variables.createVariables();
    }
    if (!object.isObject()) {
      throw new IllegalArgumentException(
          "variables must be a JSON object of name to value, not " + object.getNodeType());
    }
    VariableMap variables = Variables.createVariables();
    object
        .properties()
        .forEach(
            field ->
                variables.putValueTyped(
                    field.getKey(), toVariable(field.getKey(), field.getValue())));
    return variables;
  }

  private static TypedValue toVariable(String name, JsonNode node) {
    if (name.isBlank()) {
      throw new IllegalArgumentException("variable names must not be blank");
    }
    if (node.isContainerNode()) {
      return SpinValues.jsonValue(node.toString()).create();
    }
    TypedValue scalar = scalarValue(node);
    if (scalar == null) {
      throw new IllegalArgumentException(
          "variable '" + name + "' has a value Baton cannot store: " + node.getNodeType());
    }
    return scalar;
  }

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

  /** Variables as JSON-compatible values, without deserializing any stored object. */
  public static Map<String, Object> toJson(VariableMap variables, ObjectMapper mapper) {
    Map<String, Object> json = new LinkedHashMap<>();
    for (String name : variables.keySet()) {
      json.put(name, valueToJson(variables.getValueTyped(name), mapper));
    }
    return json;
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
