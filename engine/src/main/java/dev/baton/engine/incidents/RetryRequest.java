package dev.baton.engine.incidents;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /api/incidents/retry}: the incidents named by id, or all open incidents
 * matching the incident list's filters.
 */
public record RetryRequest(
    @Size(max = IncidentService.MAX_RETRIES) List<@NotNull String> incidentIds, Filter filter) {

  /** The incident list's filters; each optional. */
  public record Filter(String definitionKey, String activityId, String message) {}
}
