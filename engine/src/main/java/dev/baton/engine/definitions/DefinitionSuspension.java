package dev.baton.engine.definitions;

import dev.baton.engine.system.NotFoundException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.UpdateProcessDefinitionSuspensionStateSelectBuilder;
import org.springframework.stereotype.Service;

/**
 * Suspends and activates a definition version: suspended, it starts no instances (its timer start
 * events stop firing) and, with its instances, runs none of their jobs. The engine checks the
 * caller's SUSPEND permissions.
 */
@Service
public class DefinitionSuspension {

  private final RepositoryService repository;

  DefinitionSuspension(RepositoryService repository) {
    this.repository = repository;
  }

  /** Sets the state of definition {@code id}, and of its running instances when asked. */
  public void set(String id, boolean suspended, boolean includeInstances) {
    if (repository.createProcessDefinitionQuery().processDefinitionId(id).count() == 0) {
      throw new NotFoundException("No process definition with id '" + id + "'");
    }
    UpdateProcessDefinitionSuspensionStateSelectBuilder select =
        repository.updateProcessDefinitionSuspensionState();
    var builder = select.byProcessDefinitionId(id).includeProcessInstances(includeInstances);
    if (suspended) {
      builder.suspend();
    } else {
      builder.activate();
    }
  }
}
