package dev.baton.engine.deployments;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Reads who deployed what and why, for the screens that show a deployment. */
@Component
public class DeploymentNotes {

  private final DeploymentNoteRepository notes;

  DeploymentNotes(DeploymentNoteRepository notes) {
    this.notes = notes;
  }

  /**
   * The note of one deployment; empty for one made outside Baton's API (e.g. from the classpath).
   */
  public Optional<DeploymentNote> of(String deploymentId) {
    return deploymentId == null ? Optional.empty() : notes.findById(deploymentId);
  }

  /** The notes of several deployments in one query, by deployment id. */
  public Map<String, DeploymentNote> of(Collection<String> deploymentIds) {
    return notes.findAllById(deploymentIds).stream()
        .collect(Collectors.toMap(DeploymentNote::getDeploymentId, Function.identity()));
  }
}
