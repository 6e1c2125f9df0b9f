package dev.baton.engine.messages;

import java.time.Instant;
import java.util.Map;

/** A recorded message as operators see it in the list. */
public record MessageView(
    String messageId,
    String name,
    String businessKey,
    Map<String, Object> correlationVariables,
    Map<String, Object> variables,
    MessageState state,
    Instant createdAt,
    Instant expiresAt,
    String instanceId,
    Instant deliveredAt,
    String sentBy) {}
