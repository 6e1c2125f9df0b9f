package dev.baton.engine.messages;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A message in, the body of {@code POST /api/messages} and of each message on the AMQP queue.
 *
 * @param name the BPMN message name (required)
 * @param businessKey only an instance with this business key matches; a message start event starts
 *     one with it
 * @param correlationVariables only an instance whose variables have these values matches (text,
 *     numbers, true/false)
 * @param variables set on the instance the message reaches, as in a start
 * @param messageId the sender's id: the same id again answers the first outcome, correlating
 *     nothing
 * @param timeToLive with no match yet, how long the message waits for one (ISO-8601, e.g. PT30S)
 */
public record MessageRequest(
    String name,
    String businessKey,
    JsonNode correlationVariables,
    JsonNode variables,
    String messageId,
    String timeToLive) {}
