package dev.baton.engine.instances;

import java.time.Instant;

/** An open incident of an instance. */
public record IncidentView(
    String id, String type, String activityId, String message, Instant time) {}
