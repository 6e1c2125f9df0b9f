package dev.baton.engine.instances;

import java.time.Instant;
import java.util.List;

/**
 * One row of the instance list.
 *
 * @param parentInstanceId the instance whose call activity started this one, if any
 * @param rootInstanceId the top of the chain of call activities; {@code null} for a root instance
 * @param waitingAt where a running instance's tokens are (steps waiting, about to run or failing)
 * @param incidentMessage the oldest open incident's message, when there is one
 */
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
    Long durationMillis,
    String parentInstanceId,
    String rootInstanceId,
    List<Step> waitingAt,
    String incidentMessage) {

  /** A step of the diagram: its id and, when it has one, its name. */
  public record Step(String activityId, String activityName) {}
}
