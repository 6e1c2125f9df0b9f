package dev.baton.engine.messages;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * A message whose every field passed {@link MessageChecks}: what the engine is given, plus the JSON
 * as sent, kept for a waiting message and to recognize a repeat.
 */
record CheckedMessage(
    String name,
    String businessKey,
    Map<String, Object> correlationKeys,
    VariableMap variables,
    String messageId,
    Duration timeToLive,
    JsonNode correlationNode,
    JsonNode variablesNode) {

  String correlationJson() {
    return correlationNode == null ? null : correlationNode.toString();
  }

  String variablesJson() {
    return variablesNode == null ? null : variablesNode.toString();
  }

  /** Whether a stored message is this one sent again (fields as sent; the time to live aside). */
  boolean sameAs(CheckedMessage stored) {
    return name.equals(stored.name)
        && Objects.equals(businessKey, stored.businessKey)
        && Objects.equals(correlationNode, stored.correlationNode)
        && Objects.equals(variablesNode, stored.variablesNode);
  }
}
