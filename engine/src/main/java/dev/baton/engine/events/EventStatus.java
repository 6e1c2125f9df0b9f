package dev.baton.engine.events;

import java.time.Instant;

/**
 * The outbox's backlog: rows not yet published, when the oldest of them happened, when the broker
 * last confirmed a batch (any node), and whether this node's publisher reaches the broker.
 */
public record EventStatus(
    long pending, Instant oldestPendingAt, Instant lastPublishedAt, boolean brokerConnected) {}
