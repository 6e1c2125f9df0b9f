package dev.baton.engine.incidents;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code POST /api/incidents/retry}. */
public record RetryRequest(@NotEmpty @Size(max = 1000) List<@NotNull String> incidentIds) {}
