package dev.baton.engine.instances;

import java.time.Instant;

/**
 * Filters of the instance list; every one optional.
 *
 * @param businessKeyPrefix matches business keys starting with it
 * @param variableName with {@code variableValue}: a process variable equal to that value
 * @param activityId running instances with a token at this step: waiting there, about to run it (an
 *     asynchronous continuation) or failing there (an incident)
 * @param parentInstanceId instances a call activity of this instance started
 * @param rootOnly only instances no call activity started
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
    String activityId,
    String parentInstanceId,
    boolean rootOnly,
    boolean ascending) {}
