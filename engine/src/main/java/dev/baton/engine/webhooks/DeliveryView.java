package dev.baton.engine.webhooks;

import java.time.Instant;

/**
 * A delivery as operators see it: the event, its state, how many attempts were made, when the next
 * one is due (pending only) and what the last one got (HTTP status, or the error without one).
 */
public record DeliveryView(
    String id,
    String eventId,
    String eventType,
    String processInstanceId,
    long sequence,
    DeliveryStatus status,
    int attempts,
    Instant nextAttemptAt,
    Integer lastStatus,
    String lastError,
    Instant createdAt,
    Instant deliveredAt) {}
