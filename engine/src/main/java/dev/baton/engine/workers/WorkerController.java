package dev.baton.engine.workers;

import dev.baton.engine.system.ApiPaths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Workers")
class WorkerController {

  private final WorkerService workers;
  private final WorkerCredentials credentials;
  private final StaleWorkers stale;

  WorkerController(WorkerService workers, WorkerCredentials credentials, StaleWorkers stale) {
    this.workers = workers;
    this.credentials = credentials;
    this.stale = stale;
  }

  @GetMapping(ApiPaths.WORKERS)
  @Operation(summary = "Every worker that polled or holds a key, with status and counts")
  List<WorkerView> list() {
    return workers.workers();
  }

  @GetMapping(ApiPaths.WORKER)
  @Operation(summary = "One worker")
  WorkerView get(@PathVariable String workerId) {
    return workers.worker(workerId);
  }

  @GetMapping(ApiPaths.TOPICS)
  @Operation(summary = "Per topic: open, locked, without retries, oldest waiting, workers polling")
  List<TopicView> topics() {
    return workers.topics();
  }

  @PostMapping(ApiPaths.WORKERS)
  @Operation(summary = "Register a worker for topics; answers its key once (admin)")
  ResponseEntity<IssuedCredential> register(
      @Valid @RequestBody RegisterWorkerRequest request, Principal admin) {
    IssuedCredential issued = credentials.register(request, admin.getName());
    return ResponseEntity.created(URI.create(ApiPaths.WORKERS + "/" + issued.workerId()))
        .body(issued);
  }

  @PostMapping(ApiPaths.WORKER_CREDENTIALS)
  @Operation(summary = "Rotate a worker's key: answers the new key once; the old one stops (admin)")
  IssuedCredential rotate(@PathVariable String workerId, Principal admin) {
    return credentials.rotate(workerId, admin.getName());
  }

  @DeleteMapping(ApiPaths.WORKER)
  @Operation(
      summary =
          "Forget a stale worker without an active key: its record and counts go; it reappears"
              + " if it calls again (admin)")
  ResponseEntity<Void> forget(@PathVariable String workerId) {
    stale.forget(workerId);
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping(ApiPaths.WORKER_CREDENTIALS)
  @Operation(summary = "Revoke a worker's key (admin)")
  ResponseEntity<Void> revoke(@PathVariable String workerId) {
    credentials.revoke(workerId);
    return ResponseEntity.noContent().build();
  }
}
