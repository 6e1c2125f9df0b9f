package dev.baton.engine.instances;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One process instance, running or ended; {@code cancelReason} is the reason given when it was
 * canceled (the engine's delete reason).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InstanceView(
    String id,
    String businessKey,
    String definitionId,
    String definitionKey,
    Integer definitionVersion,
    InstanceState state,
    Instant startTime,
    Instant endTime,
    String endActivityId,
    String cancelReason,
    List<String> activeActivityIds,
    List<IncidentView> incidents,
    Map<String, Object> variables) {

  /** The short answer to a start: what was created, before any step ran. */
  static InstanceView started(
      String id, String businessKey, String definitionId, String key, int version) {
    return new InstanceView(
        id,
        businessKey,
        definitionId,
        key,
        version,
        InstanceState.RUNNING,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
