package dev.baton.engine.instances;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.system.BadRequestException;
import java.util.Locale;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

/** Typed variable values from what people type: checked, with a message that says what is wrong. */
final class VariableValues {

  private VariableValues() {}

  /** Types an operator may set from the console. */
  enum EditableType {
    STRING,
    INTEGER,
    LONG,
    DOUBLE,
    BOOLEAN,
    JSON;

    static EditableType of(String name) {
      try {
        return valueOf(name.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new BadRequestException(
            "type must be one of String, Integer, Long, Double, Boolean, Json, not '" + name + "'");
      }
    }

    /** Whether a stored variable of this engine type name can be edited here. */
    static boolean editable(String engineTypeName) {
      try {
        valueOf(engineTypeName.toUpperCase(Locale.ROOT));
        return true;
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
  }

  /** The typed value for {@code value} of {@code type}, or an exception naming the problem. */
  static TypedValue typed(String type, JsonNode value, ObjectMapper mapper) {
    EditableType editable = EditableType.of(type);
    if (value == null || value.isMissingNode()) {
      throw new BadRequestException("value is missing");
    }
    return switch (editable) {
      case STRING -> {
        require(value.isTextual(), value, "a String");
        yield Variables.stringValue(value.textValue());
      }
      case INTEGER -> {
        JsonNode number = numeric(value);
        require(number.isIntegralNumber() && number.canConvertToInt(), value, "an Integer");
        yield Variables.integerValue(number.intValue());
      }
      case LONG -> {
        JsonNode number = numeric(value);
        require(number.isIntegralNumber() && number.canConvertToLong(), value, "a Long");
        yield Variables.longValue(number.longValue());
      }
      case DOUBLE -> {
        JsonNode number = numeric(value);
        require(number.isNumber() && Double.isFinite(number.doubleValue()), value, "a Double");
        yield Variables.doubleValue(number.doubleValue());
      }
      case BOOLEAN -> {
        JsonNode bool = value.isTextual() ? booleanText(value.textValue()) : value;
        require(bool != null && bool.isBoolean(), value, "a Boolean (true or false)");
        yield Variables.booleanValue(bool.booleanValue());
      }
      case JSON -> {
        try {
          JsonNode json = value.isTextual() ? mapper.readTree(value.textValue()) : value;
          require(json != null && json.isContainerNode(), value, "a JSON object or array");
          yield SpinValues.jsonValue(json.toString()).create();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          throw new BadRequestException(
              "'" + value.textValue() + "' is not valid JSON: " + e.getOriginalMessage());
        }
      }
    };
  }

  /** A filter value as typed as it looks: a whole number, a decimal, true/false, else text. */
  static Object guess(String text) {
    if (text == null) {
      return null;
    }
    if (text.matches("-?\\d{1,9}")) {
      return Integer.valueOf(text);
    }
    if (text.matches("-?\\d{10,18}")) {
      return Long.valueOf(text);
    }
    if (text.matches("-?\\d+\\.\\d+")) {
      return Double.valueOf(text);
    }
    if (text.equals("true") || text.equals("false")) {
      return Boolean.valueOf(text);
    }
    return text;
  }

  private static JsonNode numeric(JsonNode value) {
    if (value.isTextual()) {
      try {
        return new ObjectMapper().readTree(value.textValue().trim());
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        return value;
      }
    }
    return value;
  }

  private static JsonNode booleanText(String text) {
    return switch (text.trim()) {
      case "true" -> com.fasterxml.jackson.databind.node.BooleanNode.TRUE;
      case "false" -> com.fasterxml.jackson.databind.node.BooleanNode.FALSE;
      default -> null;
    };
  }

  private static void require(boolean ok, JsonNode value, String what) {
    if (!ok) {
      String shown = value.isTextual() ? value.textValue() : value.toString();
      throw new BadRequestException("'" + shown + "' is not " + what);
    }
  }
}
