package dev.baton.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Converts between plain JSON values (what HTTP services and Baton's API speak) and Camunda
 * variables. Scalars map to Java scalars; objects and arrays become Spin JSON variables, never
 * serialized Java objects.
 */
public final class JsonVariables {

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
    TypedValue scalar = TypedJson.scalarValue(node);
    if (scalar == null) {
      throw new IllegalArgumentException(
          "variable '" + name + "' has a value Baton cannot store: " + node.getNodeType());
    }
    return scalar;
  }

  /** Variables as JSON-compatible values, without deserializing any stored object. */
  public static Map<String, Object> toJson(VariableMap variables, ObjectMapper mapper) {
    Map<String, Object> json = new LinkedHashMap<>();
    for (String name : variables.keySet()) {
      json.put(name, TypedJson.valueToJson(variables.getValueTyped(name), mapper));
    }
    return json;
  }
}
