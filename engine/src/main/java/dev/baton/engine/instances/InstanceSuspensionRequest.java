package dev.baton.engine.instances;

import jakarta.validation.constraints.NotNull;

/** Body of {@code PUT /api/instances/{id}/suspension}: the state the instance should be in. */
public record InstanceSuspensionRequest(@NotNull Boolean suspended) {}
