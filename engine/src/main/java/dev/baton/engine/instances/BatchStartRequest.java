package dev.baton.engine.instances;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Up to {@value BatchStarts#MAX_ITEMS} starts of one process in one request. */
public record BatchStartRequest(
    @NotNull @Size(min = 1, max = BatchStarts.MAX_ITEMS) List<@Valid @NotNull Item> instances) {

  /**
   * One start: like {@code POST /api/processes/{key}/instances}, with its idempotency key in the
   * item instead of a header.
   */
  public record Item(
      @Size(max = 255) String idempotencyKey,
      @Size(max = 255) String businessKey,
      JsonNode variables) {

    StartInstanceRequest request() {
      return new StartInstanceRequest(businessKey, variables);
    }
  }
}
