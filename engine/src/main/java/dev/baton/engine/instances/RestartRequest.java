package dev.baton.engine.instances;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/instances/{id}/restart}: the step the new instance starts before, and
 * optionally why (kept in the operation log).
 */
public record RestartRequest(
    @NotBlank @Size(max = 255) String activityId, @Size(max = 4000) String annotation) {}
