package dev.baton.engine.deployments;

import dev.baton.engine.system.ConflictException;
import dev.baton.engine.system.NotFoundException;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;

/**
 * Deletes a deployment even while its timers fire: its definitions are suspended first (in their
 * own transaction, so the job executor stops starting instances and running their jobs), then the
 * deployment is deleted; a job that was already running when the suspension committed can still
 * collide with the deletion, which is then tried again. Without {@code cascade}, a deployment with
 * running instances is refused with their count.
 */
@Service
public class DeploymentRemoval {

  private static final int ATTEMPTS = 5;

  private final RepositoryService repository;
  private final RuntimeService runtime;

  DeploymentRemoval(RepositoryService repository, RuntimeService runtime) {
    this.repository = repository;
    this.runtime = runtime;
  }

  /** Deletes deployment {@code id}; with {@code cascade}, its instances and their history too. */
  public void delete(String id, boolean cascade) {
    if (repository.createDeploymentQuery().deploymentId(id).count() == 0) {
      throw new NotFoundException("No deployment with id '" + id + "'");
    }
    long running = runtime.createProcessInstanceQuery().deploymentId(id).count();
    if (running > 0 && !cascade) {
      throw new ConflictException(
          "Deployment '"
              + id
              + "' has "
              + running
              + " running instance(s); delete with cascade=true to cancel them with it");
    }
    List<ProcessDefinition> definitions =
        repository.createProcessDefinitionQuery().deploymentId(id).active().list();
    for (ProcessDefinition definition : definitions) {
      repository
          .updateProcessDefinitionSuspensionState()
          .byProcessDefinitionId(definition.getId())
          .includeProcessInstances(cascade)
          .suspend();
    }
    for (int attempt = 1; ; attempt++) {
      try {
        repository.deleteDeployment(id, cascade, true, true);
        return;
      } catch (OptimisticLockingException collided) {
        if (attempt == ATTEMPTS) {
          throw collided;
        }
      }
    }
  }
}
