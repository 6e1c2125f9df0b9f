package dev.baton.engine.instances;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;

/**
 * Body of {@code PUT /api/instances/{id}/variables/{name}}: String, Integer, Long, Double, Boolean
 * or Json.
 */
public record EditVariableRequest(@NotBlank String type, JsonNode value) {}
