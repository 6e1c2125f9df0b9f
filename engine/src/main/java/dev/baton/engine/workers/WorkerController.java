package dev.baton.engine.workers;

import dev.baton.engine.system.ApiPaths;
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
class WorkerController {

  private final WorkerService workers;
  private final WorkerCredentials credentials;

  WorkerController(WorkerService workers, WorkerCredentials credentials) {
    this.workers = workers;
    this.credentials = credentials;
  }

  @GetMapping(ApiPaths.WORKERS)
  List<WorkerView> list() {
    return workers.workers();
  }

  @GetMapping(ApiPaths.WORKER)
  WorkerView get(@PathVariable String workerId) {
    return workers.worker(workerId);
  }

  @GetMapping(ApiPaths.TOPICS)
  List<TopicView> topics() {
    return workers.topics();
  }

  @PostMapping(ApiPaths.WORKERS)
  ResponseEntity<IssuedCredential> register(
      @Valid @RequestBody RegisterWorkerRequest request, Principal admin) {
    IssuedCredential issued = credentials.register(request, admin.getName());
    return ResponseEntity.created(URI.create(ApiPaths.WORKERS + "/" + issued.workerId()))
        .body(issued);
  }

  @DeleteMapping(ApiPaths.WORKER_CREDENTIALS)
  ResponseEntity<Void> revoke(@PathVariable String workerId) {
    credentials.revoke(workerId);
    return ResponseEntity.noContent().build();
  }
}
