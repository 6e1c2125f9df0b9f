package dev.baton.engine.webhooks;

import java.time.Instant;
import java.util.List;

/** A webhook as the API shows it: never its secret. {@code eventTypes} empty means all. */
public record WebhookView(
    String id, String url, String processKey, List<String> eventTypes, Instant createdAt) {}
