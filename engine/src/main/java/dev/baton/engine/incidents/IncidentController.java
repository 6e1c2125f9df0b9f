package dev.baton.engine.incidents;

import dev.baton.engine.batches.BatchView;
import dev.baton.engine.system.ApiPaths;
import dev.baton.engine.system.PageView;
import dev.baton.engine.system.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Incidents")
class IncidentController {

  private final IncidentService incidents;

  IncidentController(IncidentService incidents) {
    this.incidents = incidents;
  }

  @GetMapping(ApiPaths.INCIDENTS)
  @Operation(summary = "Open incidents across definitions, newest first, paged")
  PageView<IncidentSummary> list(
      @RequestParam(required = false) String definitionKey,
      @RequestParam(required = false) String activityId,
      @RequestParam(required = false) String message,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return incidents.list(
        blankToNull(definitionKey),
        blankToNull(activityId),
        blankToNull(message),
        new Paging(page, size));
  }

  @PostMapping(ApiPaths.INCIDENT_RETRY)
  @Operation(summary = "Retry the failed job or external task behind one incident")
  ResponseEntity<Void> retry(@PathVariable String id) {
    incidents.retry(id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping(value = ApiPaths.INCIDENT_STACKTRACE, produces = MediaType.TEXT_PLAIN_VALUE)
  @Operation(summary = "The stack trace or error details behind an incident")
  String stacktrace(@PathVariable String id) {
    return incidents.stacktrace(id);
  }

  @PostMapping(ApiPaths.INCIDENT_BATCHES)
  @Operation(
      summary =
          "Retry many incidents (named or all matching the filters) as a batch; poll"
              + " /api/batches/{batchId} for progress")
  ResponseEntity<Map<String, Object>> retryMany(@Valid @RequestBody RetryRequest request) {
    BatchView batch = incidents.retryAll(request);
    return ResponseEntity.accepted()
        .location(URI.create(ApiPaths.BATCHES + "/" + batch.id()))
        .body(Map.of("batchId", batch.id(), "total", batch.total()));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
