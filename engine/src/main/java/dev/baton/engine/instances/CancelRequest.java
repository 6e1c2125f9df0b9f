package dev.baton.engine.instances;

import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/instances/{id}/cancel}. */
public record CancelRequest(@Size(max = 1000) String reason) {}
