package dev.baton.engine.incidents;

import java.time.Instant;

/** One open incident as the incidents list shows it. */
public record IncidentSummary(
    String id,
    String type,
    String processInstanceId,
    String businessKey,
    String definitionId,
    String definitionKey,
    Integer definitionVersion,
    String activityId,
    String message,
    Instant time) {}
