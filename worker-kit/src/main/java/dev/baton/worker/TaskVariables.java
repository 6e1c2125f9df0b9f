package dev.baton.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.adapters.TypedJson;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.variable.ClientValues;
import org.camunda.bpm.client.variable.value.JsonValue;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Converts an external task's variables to JSON-compatible values, and a handler's outputs to
 * variables the client can send: scalars as scalars, objects and arrays as JSON (Spin) variables,
 * never as serialized Java objects.
 */
public final class TaskVariables {

  private TaskVariables() {}

  /** The task's variables as JSON-compatible values, without deserializing stored objects. */
  public static Map<String, Object> toJson(ExternalTask task, ObjectMapper mapper) {
    VariableMap variables = task.getAllVariablesTyped(false);
    Map<String, Object> json = new LinkedHashMap<>();
    for (String name : variables.keySet()) {
      json.put(name, valueToJson(variables.getValueTyped(name), mapper));
    }
    return json;
  }

  private static Object valueToJson(TypedValue value, ObjectMapper mapper) {
    if (value instanceof JsonValue json) {
      try {
        return json.getValue() == null ? null : mapper.readTree(json.getValue());
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("a JSON variable holds text that is not JSON", e);
      }
    }
    if (value instanceof FileValue file) {
      // reading a file variable costs another request; an HTTP body has no use for it
      return "<file " + file.getFilename() + ">";
    }
    return TypedJson.valueToJson(value, mapper);
  }

  /** A handler's outputs as values for the client's complete call. */
  public static Map<String, Object> toClient(Map<String, Object> outputs, ObjectMapper mapper) {
    Map<String, Object> variables = new LinkedHashMap<>();
    if (outputs == null) {
      return variables;
    }
    outputs.forEach(
        (name, value) ->
            variables.put(
                name,
                value instanceof TypedValue typed ? typed : toVariable(mapper.valueToTree(value))));
    return variables;
  }

  private static TypedValue toVariable(JsonNode node) {
    if (node != null && node.isContainerNode()) {
      return ClientValues.jsonValue(node.toString());
    }
    TypedValue scalar = TypedJson.scalarValue(node);
    if (scalar == null) {
      throw new IllegalArgumentException("an output has no variable form: " + node.getNodeType());
    }
    return scalar;
  }
}
