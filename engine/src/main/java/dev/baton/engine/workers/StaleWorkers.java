package dev.baton.engine.workers;

import dev.baton.engine.system.ConflictException;
import org.springframework.stereotype.Service;

/**
 * Forgets a worker that stopped calling: its record and counts go, and a revoked key with them. A
 * worker still polling, or one holding an active key, is refused (409), so forgetting never cuts
 * off or hides a worker at work; one that calls again later is recorded afresh.
 */
@Service
public class StaleWorkers {

  private final WorkerService workers;
  private final WorkerRegistry registry;
  private final WorkerCredentials credentials;

  StaleWorkers(WorkerService workers, WorkerRegistry registry, WorkerCredentials credentials) {
    this.workers = workers;
    this.registry = registry;
    this.credentials = credentials;
  }

  /** Forgets worker {@code workerId}; 404 when unknown, 409 when active or holding a key. */
  public void forget(String workerId) {
    WorkerView worker = workers.worker(workerId);
    if (worker.registered()) {
      throw new ConflictException(
          "Worker '" + workerId + "' holds an active key; revoke it before forgetting the worker");
    }
    if (worker.status() == WorkerStatus.ACTIVE) {
      throw new ConflictException(
          "Worker '" + workerId + "' is still polling; only a stale worker can be forgotten");
    }
    credentials.forget(workerId);
    registry.forget(workerId);
  }
}
