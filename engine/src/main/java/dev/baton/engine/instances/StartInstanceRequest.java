package dev.baton.engine.instances;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/processes/{key}/instances}.
 *
 * @param businessKey the caller's identifier of the case (e.g. an order number), optional
 * @param variables plain JSON values by name; objects and arrays are stored as JSON
 */
public record StartInstanceRequest(@Size(max = 255) String businessKey, JsonNode variables) {}
