package dev.baton.engine.incidents;

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
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
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
  private final RetryBatches batches;

  IncidentController(IncidentService incidents, RetryBatches batches) {
    this.incidents = incidents;
    this.batches = batches;
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
  @Operation(summary = "Retry many incidents in the background; poll the batch for progress")
  ResponseEntity<Map<String, Object>> retryMany(
      @Valid @RequestBody RetryRequest request, Authentication user) {
    RetryBatch batch =
        batches.start(
            request.incidentIds(),
            user.getName(),
            user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .toList());
    RetryBatch.RetryBatchView view = batch.view();
    return ResponseEntity.accepted()
        .location(URI.create(ApiPaths.INCIDENT_BATCHES + "/" + view.id()))
        .body(Map.of("id", view.id(), "total", view.total()));
  }

  @GetMapping(ApiPaths.INCIDENT_BATCH)
  @Operation(summary = "Progress and per-incident results of a bulk retry")
  RetryBatch.RetryBatchView batch(@PathVariable String batchId) {
    return batches.get(batchId).view();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
