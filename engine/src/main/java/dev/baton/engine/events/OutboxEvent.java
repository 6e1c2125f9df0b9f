package dev.baton.engine.events;

import java.time.Instant;

/**
 * One process event as the outbox holds it; {@code payload} is a JSON object with what else the
 * type carries (activity type, incident message, end state, ...).
 */
record OutboxEvent(
    String eventId,
    EventType type,
    String processDefinitionKey,
    String processInstanceId,
    String businessKey,
    String activityId,
    String payload,
    Instant occurredAt) {}
