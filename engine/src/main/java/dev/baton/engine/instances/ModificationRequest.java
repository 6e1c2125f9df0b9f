package dev.baton.engine.instances;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /api/instances/{id}/modification}: instructions applied in order, in one
 * transaction.
 *
 * @param variables plain JSON values by name, set on the instance with the modification (optional)
 * @param annotation why the operator did it; required, kept in the operation log
 */
public record ModificationRequest(
    @NotEmpty @Size(max = ModificationRequest.MAX_INSTRUCTIONS)
        List<@Valid Instruction> instructions,
    JsonNode variables,
    @NotBlank @Size(max = 4000) String annotation) {

  /** Instructions one modification may hold. */
  public static final int MAX_INSTRUCTIONS = 50;

  /**
   * One instruction: {@code cancel} every instance of a step, {@code startBefore} a step or {@code
   * startAfter} it (taking its single outgoing flow).
   */
  public record Instruction(@NotBlank String type, @NotBlank @Size(max = 255) String activityId) {}
}
