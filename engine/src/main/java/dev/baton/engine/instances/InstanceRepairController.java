package dev.baton.engine.instances;

import dev.baton.engine.system.ApiPaths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Repairing one instance: move its tokens, restart it when ended, suspend or activate it. */
@RestController
@Tag(name = "Instances")
class InstanceRepairController {

  private final InstanceModification modification;
  private final InstanceRestart restart;
  private final InstanceOperations operations;

  InstanceRepairController(
      InstanceModification modification, InstanceRestart restart, InstanceOperations operations) {
    this.modification = modification;
    this.restart = restart;
    this.operations = operations;
  }

  @PostMapping(ApiPaths.INSTANCE_MODIFICATION)
  @Operation(
      summary =
          "Move a running instance's tokens: cancel steps, start before or after steps, set"
              + " variables, in one operation with a required annotation; 400 names each"
              + " instruction that cannot apply and nothing changes")
  ResponseEntity<Void> modify(
      @PathVariable String id, @Valid @RequestBody ModificationRequest request) {
    modification.modify(id, request);
    return ResponseEntity.noContent().build();
  }

  @PostMapping(ApiPaths.INSTANCE_RESTART)
  @Operation(
      summary =
          "Restart a completed or canceled instance before a step, with its last variables: 201"
              + " with the new instance's id")
  ResponseEntity<Map<String, String>> restart(
      @PathVariable String id, @Valid @RequestBody RestartRequest request) {
    String started = restart.restart(id, request.activityId(), request.annotation());
    return ResponseEntity.created(URI.create(ApiPaths.INSTANCES + "/" + started))
        .body(Map.of("id", started));
  }

  @PutMapping(ApiPaths.INSTANCE_SUSPENSION)
  @Operation(summary = "Suspend (no job or task of it runs) or activate a running instance")
  ResponseEntity<Void> suspension(
      @PathVariable String id, @Valid @RequestBody InstanceSuspensionRequest request) {
    operations.setSuspended(id, request.suspended());
    return ResponseEntity.noContent().build();
  }
}
