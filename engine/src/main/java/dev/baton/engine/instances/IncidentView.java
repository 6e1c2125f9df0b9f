package dev.baton.engine.instances;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * An open incident of an instance, with what the failed job or external task says about its next
 * try: retries left (0 once it is an incident, until someone retries it), the worker that last
 * locked an external task, and when the engine tries again (only while retries are left).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncidentView(
    String id,
    String type,
    String activityId,
    String message,
    Instant time,
    Integer retriesLeft,
    String workerId,
    Instant nextAttempt) {}
