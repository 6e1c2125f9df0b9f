package dev.baton.engine.batches;

import java.time.Instant;
import java.util.List;

/**
 * An operation on many instances as the API shows it: progress in items (instances, or jobs and
 * external tasks for a retry), computed from Camunda's batches on every read.
 */
public record BatchView(
    String id,
    String type,
    long total,
    long done,
    long failed,
    BatchState state,
    String startedBy,
    Instant startedAt,
    String reason,
    List<Failure> failures) {

  /** One item that failed for good: the instance it was for and why. */
  public record Failure(String instanceId, String message) {}
}
