package dev.baton.engine.messages;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.engine.instances.InstanceService;
import dev.baton.engine.system.BadRequestException;
import dev.baton.engine.variables.VariablePolicy;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The one check of a message in, for HTTP, AMQP and a waiting message at its delivery alike: every
 * refusal is a {@link BadRequestException} naming the field. Variables go through the variable
 * policy of starts.
 */
final class MessageChecks {

  static final int MAX_TEXT = 255;
  private static final Pattern VALID_MESSAGE_ID = Pattern.compile("[\\x21-\\x7E]{1,255}");

  private final VariablePolicy policy;
  private final Duration maxTimeToLive;

  MessageChecks(VariablePolicy policy, Duration maxTimeToLive) {
    this.policy = policy;
    this.maxTimeToLive = maxTimeToLive;
  }

  CheckedMessage check(MessageRequest request) {
    if (request == null) {
      throw new BadRequestException("The message is missing");
    }
    String name = request.name();
    if (name == null || name.isBlank()) {
      throw new BadRequestException("name is required: the BPMN message name");
    }
    requireLength("name", name);
    if (request.businessKey() != null) {
      requireLength("businessKey", request.businessKey());
    }
    String messageId = request.messageId();
    if (messageId != null && !VALID_MESSAGE_ID.matcher(messageId).matches()) {
      throw new BadRequestException(
          "messageId must be 1 to 255 visible ASCII characters without spaces");
    }
    VariableMap variables = InstanceService.checkedVariables(request.variables(), policy);
    Map<String, Object> keys = correlationKeys(request.correlationVariables());
    JsonNode correlation = present(request.correlationVariables());
    JsonNode values = present(request.variables());
    for (JsonNode json : new JsonNode[] {correlation, values}) {
      if (json != null && json.toString().length() > StoredMessage.MAX_JSON_LENGTH) {
        throw new BadRequestException(
            "correlationVariables and variables must each be at most "
                + StoredMessage.MAX_JSON_LENGTH
                + " characters of JSON");
      }
    }
    return new CheckedMessage(
        name,
        request.businessKey(),
        keys,
        variables,
        messageId,
        timeToLive(request.timeToLive()),
        correlation,
        values);
  }

  /** Correlation variables: plain values only, as the engine compares them with an instance's. */
  private Map<String, Object> correlationKeys(JsonNode json) {
    VariableMap typed = InstanceService.checkedVariables(json, policy);
    Map<String, Object> keys = new LinkedHashMap<>();
    for (String key : typed.keySet()) {
      TypedValue value = typed.getValueTyped(key);
      ValueType type = value.getType();
      if (value.getValue() == null || !type.isPrimitiveValueType()) {
        throw new BadRequestException(
            "correlationVariables."
                + key
                + " must be text, a number or true/false, not "
                + (value.getValue() == null ? "null" : "an object or array"));
      }
      keys.put(key, value.getValue());
    }
    return keys;
  }

  private Duration timeToLive(String text) {
    if (text == null) {
      return null;
    }
    Duration ttl;
    try {
      ttl = Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new BadRequestException(
          "timeToLive must be an ISO-8601 duration such as PT30S, PT10M or P1D, not '"
              + text
              + "'");
    }
    if (ttl.isNegative() || ttl.isZero()) {
      throw new BadRequestException("timeToLive must be positive, not " + text);
    }
    if (ttl.compareTo(maxTimeToLive) > 0) {
      throw new BadRequestException(
          "timeToLive must be at most "
              + maxTimeToLive
              + " (baton.engine.messages.max-time-to-live), not "
              + text);
    }
    return ttl;
  }

  private static JsonNode present(JsonNode json) {
    return json == null || json.isNull() || json.isMissingNode() ? null : json;
  }

  private static void requireLength(String field, String value) {
    if (value.length() > MAX_TEXT) {
      throw new BadRequestException(field + " must be at most " + MAX_TEXT + " characters");
    }
  }
}
