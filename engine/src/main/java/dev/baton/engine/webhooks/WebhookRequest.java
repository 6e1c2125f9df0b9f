package dev.baton.engine.webhooks;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /api/webhooks}; {@code processKey} and {@code eventTypes} are optional (all
 * processes, all types). The URL's form and the types are checked by {@link WebhookChecks}.
 */
public record WebhookRequest(
    @NotNull @Size(max = WebhookChecks.MAX_URL) String url,
    @Size(min = 1, max = 255) String processKey,
    @Size(max = 5) List<@NotNull String> eventTypes,
    @NotNull @Size(min = 16, max = 256) String secret) {}
