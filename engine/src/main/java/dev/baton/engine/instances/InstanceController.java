package dev.baton.engine.instances;

import dev.baton.engine.system.ApiPaths;
import dev.baton.engine.system.BadRequestException;
import dev.baton.engine.system.PageView;
import dev.baton.engine.system.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Instances")
class InstanceController {

  private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final InstanceService instances;
  private final StartKeys startKeys;
  private final BatchStarts batchStarts;
  private final InstanceSearchService search;
  private final InstanceDetailService details;
  private final InstanceOperations operations;

  InstanceController(
      InstanceService instances,
      StartKeys startKeys,
      BatchStarts batchStarts,
      InstanceSearchService search,
      InstanceDetailService details,
      InstanceOperations operations) {
    this.instances = instances;
    this.startKeys = startKeys;
    this.batchStarts = batchStarts;
    this.search = search;
    this.details = details;
    this.operations = operations;
  }

  @PostMapping(ApiPaths.PROCESS_INSTANCES)
  @Operation(
      summary = "Start the latest version of a process with a business key and variables",
      description =
          "With an Idempotency-Key header, a repeat of the same request returns the instance the"
              + " first one started (200, Idempotent-Replayed: true) instead of starting another;"
              + " the same key with a different request is a 409.")
  ResponseEntity<InstanceView> start(
      @PathVariable String key,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      @Valid @RequestBody StartInstanceRequest request) {
    StartKeys.Outcome outcome = startKeys.start(key, request, idempotencyKey);
    InstanceView instance = outcome.instance();
    if (outcome.replayed()) {
      return ResponseEntity.ok().header("Idempotent-Replayed", "true").body(instance);
    }
    return ResponseEntity.created(URI.create(ApiPaths.INSTANCES + "/" + instance.id()))
        .body(instance);
  }

  @PostMapping(ApiPaths.PROCESS_INSTANCES_BATCH)
  @Operation(
      summary = "Start up to 1,000 instances of the latest version of a process at once",
      description =
          "Bulk loads: 100 starts share a commit, each rolled back alone if it fails. Each item"
              + " is answered in order with the status its single start would have had (201,"
              + " 200 replayed by its idempotencyKey, or a problem); the request itself is 200"
              + " once every item is answered, 400 if it is malformed or repeats a key.")
  BatchStartResult startBatch(
      @PathVariable String key,
      @Valid @RequestBody BatchStartRequest request,
      HttpServletRequest http) {
    return batchStarts.start(key, request, http);
  }

  @GetMapping(ApiPaths.INSTANCES)
  @Operation(summary = "Search instances, running and ended, paged and sorted by start time")
  PageView<InstanceSummary> search(
      @RequestParam(required = false) String definitionKey,
      @RequestParam(required = false) Integer definitionVersion,
      @RequestParam(required = false) InstanceState state,
      @RequestParam(required = false) String businessKey,
      @RequestParam(required = false) String businessKeyPrefix,
      @RequestParam(required = false) Instant startedAfter,
      @RequestParam(required = false) Instant startedBefore,
      @RequestParam(required = false) String variableName,
      @RequestParam(required = false) String variableValue,
      @RequestParam(required = false) String activityId,
      @RequestParam(required = false) String parentInstanceId,
      @RequestParam(defaultValue = "false") boolean rootOnly,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      @RequestParam(defaultValue = "startTime,desc") String sort) {
    if (variableName != null && !variableName.isBlank() && variableValue == null) {
      throw new BadRequestException("variableValue is required with variableName");
    }
    InstanceSearch filters =
        new InstanceSearch(
            blankToNull(definitionKey),
            definitionVersion,
            state,
            blankToNull(businessKey),
            blankToNull(businessKeyPrefix),
            startedAfter,
            startedBefore,
            blankToNull(variableName),
            variableValue,
            blankToNull(activityId),
            blankToNull(parentInstanceId),
            rootOnly,
            ascending(sort));
    return search.search(filters, new Paging(page, size));
  }

  @GetMapping(ApiPaths.INSTANCE)
  @Operation(summary = "One instance: state, where it waits, incidents, variables")
  InstanceView get(@PathVariable String id) {
    return instances.get(id);
  }

  @GetMapping(ApiPaths.INSTANCE_DETAIL)
  @Operation(
      summary = "The instance page: diagram XML, activity history, incidents, variables, audit log")
  InstanceDetail detail(@PathVariable String id) {
    return details.detail(id);
  }

  @PutMapping(ApiPaths.INSTANCE_VARIABLE)
  @Operation(
      summary = "Set a variable of a running instance; the value is checked against its type")
  ResponseEntity<Void> setVariable(
      @PathVariable String id,
      @PathVariable String name,
      @Valid @RequestBody EditVariableRequest request) {
    operations.setVariable(id, name, request.type(), request.value());
    return ResponseEntity.noContent().build();
  }

  @PostMapping(ApiPaths.INSTANCE_CANCEL)
  @Operation(summary = "Cancel a running instance: no further step runs")
  ResponseEntity<Void> cancel(
      @PathVariable String id, @Valid @RequestBody(required = false) CancelRequest request) {
    operations.cancel(id, request == null ? null : request.reason());
    return ResponseEntity.noContent().build();
  }

  private static boolean ascending(String sort) {
    return switch (sort) {
      case "startTime,asc" -> true;
      case "startTime,desc" -> false;
      default -> throw new BadRequestException("sort must be startTime,asc or startTime,desc");
    };
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
