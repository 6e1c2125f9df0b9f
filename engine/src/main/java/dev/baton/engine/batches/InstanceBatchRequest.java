package dev.baton.engine.batches;

import dev.baton.engine.instances.InstanceSearch;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /api/instances/batch/{operation}}: the instances, either all matching a
 * filter (the query parameters of {@code GET /api/instances} as fields) or named by id, and the
 * reason of a cancel.
 */
public record InstanceBatchRequest(
    InstanceSearch filter,
    @Size(max = InstanceBatches.MAX_ITEMS) List<@NotNull String> instanceIds,
    @Size(max = 4000) String reason) {}
