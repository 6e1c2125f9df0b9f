package dev.baton.engine.batches;

import dev.baton.engine.system.ApiPaths;
import dev.baton.engine.system.PageView;
import dev.baton.engine.system.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Batches")
class BatchController {

  private final BatchService batches;
  private final InstanceBatches instanceBatches;

  BatchController(BatchService batches, InstanceBatches instanceBatches) {
    this.batches = batches;
    this.instanceBatches = instanceBatches;
  }

  @PostMapping(ApiPaths.INSTANCE_BATCH)
  @Operation(
      summary =
          "Cancel, suspend, activate, retry or delete the history of all instances matching a"
              + " filter (or named by id) as a batch; poll the batch for progress")
  ResponseEntity<Map<String, Object>> start(
      @PathVariable String operation, @Valid @RequestBody InstanceBatchRequest request) {
    BatchView batch = instanceBatches.start(operation, request);
    return ResponseEntity.accepted()
        .location(URI.create(ApiPaths.BATCHES + "/" + batch.id()))
        .body(Map.of("batchId", batch.id(), "total", batch.total()));
  }

  @PostMapping(ApiPaths.INSTANCE_BATCH_CANCEL)
  @Operation(
      summary = "Cancel all instances matching a filter (or named by id) as a batch, with a reason")
  ResponseEntity<Map<String, Object>> cancelAll(@Valid @RequestBody InstanceBatchRequest request) {
    return start("cancel", request);
  }

  @GetMapping(ApiPaths.BATCHES)
  @Operation(summary = "Operations on many instances, newest first, paged, with their progress")
  PageView<BatchView> list(
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    return batches.list(new Paging(page, size));
  }

  @GetMapping(ApiPaths.BATCH)
  @Operation(summary = "One operation: progress, state, who started it, failures per instance")
  BatchView get(@PathVariable String id) {
    return batches.get(id);
  }

  @PostMapping(ApiPaths.BATCH_CANCEL)
  @Operation(summary = "Cancel a running operation: items not run by now never run")
  BatchView cancel(@PathVariable String id) {
    return batches.cancel(id);
  }
}
