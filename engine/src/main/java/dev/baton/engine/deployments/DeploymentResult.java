package dev.baton.engine.deployments;

import java.util.List;

/**
 * Answer to a deployment: {@code changed} is false when the diagram equals the deployed one (no new
 * version was made); {@code definitions} are the versions now current.
 */
public record DeploymentResult(String deploymentId, boolean changed, List<Deployed> definitions) {

  /** A process definition version that the deployment holds. */
  public record Deployed(String id, String key, int version) {}
}
