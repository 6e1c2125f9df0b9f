package dev.baton.engine.instances;

import java.time.Instant;

/**
 * Filters of the instance list; every one optional.
 *
 * @param businessKeyPrefix matches business keys starting with it
 * @param variableName with {@code variableValue}: a process variable equal to that value
 * @param ascending sort by start time oldest first (default newest first)
 */
public record InstanceSearch(
    String definitionKey,
    Integer definitionVersion,
    InstanceState state,
    String businessKey,
    String businessKeyPrefix,
    Instant startedAfter,
    Instant startedBefore,
    String variableName,
    String variableValue,
    boolean ascending) {}
