package dev.baton.engine.deployments;

import dev.baton.engine.system.NotFoundException;
import dev.baton.engine.system.PageView;
import dev.baton.engine.system.Paging;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.springframework.stereotype.Service;

/**
 * Reads deployments for the administrator's list, newest first, and their files for download; all
 * through the engine as the signed-in user, so it shows only what the user may read.
 */
@Service
public class DeploymentCatalog {

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final DeploymentNotes notes;

  DeploymentCatalog(
      RepositoryService repository,
      RuntimeService runtime,
      HistoryService history,
      DeploymentNotes notes) {
    this.repository = repository;
    this.runtime = runtime;
    this.history = history;
    this.notes = notes;
  }

  /** One page of deployments, newest first. */
  public PageView<DeploymentView> list(Paging paging) {
    long total = repository.createDeploymentQuery().count();
    List<Deployment> page =
        repository
            .createDeploymentQuery()
            .orderByDeploymentTime()
            .desc()
            .orderByDeploymentId()
            .desc()
            .listPage(paging.first(), paging.size());
    Map<String, DeploymentNote> noted = notes.of(page.stream().map(Deployment::getId).toList());
    List<DeploymentView> items = page.stream().map(d -> view(d, noted.get(d.getId()))).toList();
    return new PageView<>(items, paging.page(), paging.size(), total);
  }

  /** One file of a deployment, with its name; 404 when either does not exist. */
  public DeploymentFile resource(String deploymentId, String resourceId) {
    if (repository.createDeploymentQuery().deploymentId(deploymentId).count() == 0) {
      throw new NotFoundException("No deployment with id '" + deploymentId + "'");
    }
    Resource resource =
        repository.getDeploymentResources(deploymentId).stream()
            .filter(r -> r.getId().equals(resourceId))
            .findFirst()
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "Deployment '" + deploymentId + "' has no resource '" + resourceId + "'"));
    try (InputStream in = repository.getResourceAsStreamById(deploymentId, resourceId)) {
      return new DeploymentFile(resource.getName(), in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private DeploymentView view(Deployment deployment, DeploymentNote note) {
    List<DeploymentView.Resource> resources =
        repository.getDeploymentResources(deployment.getId()).stream()
            .map(r -> new DeploymentView.Resource(r.getId(), r.getName()))
            .toList();
    long running = runtime.createProcessInstanceQuery().deploymentId(deployment.getId()).count();
    long ended = 0;
    for (ProcessDefinition definition :
        repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).list()) {
      ended +=
          history
              .createHistoricProcessInstanceQuery()
              .processDefinitionId(definition.getId())
              .finished()
              .count();
    }
    return new DeploymentView(
        deployment.getId(),
        deployment.getName(),
        deployment.getSource(),
        deployment.getDeploymentTime() == null ? null : deployment.getDeploymentTime().toInstant(),
        note != null ? note.getDeployedBy() : loggedDeployer(deployment.getId()),
        note == null ? null : note.getNote(),
        resources,
        running,
        ended);
  }

  /** Who created the deployment per the engine's operation log (empty for start-up deployments). */
  private String loggedDeployer(String deploymentId) {
    return history
        .createUserOperationLogQuery()
        .deploymentId(deploymentId)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_CREATE)
        .orderByTimestamp()
        .asc()
        .listPage(0, 1)
        .stream()
        .map(UserOperationLogEntry::getUserId)
        .findFirst()
        .orElse(null);
  }
}
