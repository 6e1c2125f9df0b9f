package dev.baton.engine.instances;

import java.time.Instant;

/** One row of the instance list. */
public record InstanceSummary(
    String id,
    String businessKey,
    String definitionId,
    String definitionKey,
    String definitionName,
    Integer definitionVersion,
    InstanceState state,
    Instant startTime,
    Instant endTime,
    Long durationMillis) {}
