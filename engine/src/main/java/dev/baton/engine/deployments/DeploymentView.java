package dev.baton.engine.deployments;

import java.time.Instant;
import java.util.List;

/**
 * A deployment as the console lists it: who deployed it (Baton's note, else the engine's operation
 * log), why, its resources and how many of its instances run and have ended.
 */
public record DeploymentView(
    String id,
    String name,
    String source,
    Instant deployedAt,
    String deployedBy,
    String note,
    List<Resource> resources,
    long running,
    long ended) {

  /** One file of the deployment. */
  public record Resource(String id, String name) {}
}
