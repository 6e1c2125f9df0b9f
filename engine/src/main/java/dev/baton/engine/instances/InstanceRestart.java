package dev.baton.engine.instances;

import dev.baton.engine.system.BadRequestException;
import dev.baton.engine.system.ConflictException;
import dev.baton.engine.system.NotFoundException;
import java.util.Comparator;
import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Restarts an ended instance from a chosen step with Camunda's restart API: a new instance of the
 * same definition version, with the same business key and the ended instance's last variables (read
 * from the variable history, which Baton's lean history keeps; the engine's "initial set of
 * variables" would need the per-change variable details it leaves out).
 */
@Service
public class InstanceRestart {

  /** How far back the new instance's start is looked for (clock steps of the database rows). */
  private static final long START_SLACK_MILLIS = 2_000;

  private final RuntimeService runtime;
  private final HistoryService history;
  private final RepositoryService repository;
  private final IdentityService identity;

  InstanceRestart(
      RuntimeService runtime,
      HistoryService history,
      RepositoryService repository,
      IdentityService identity) {
    this.runtime = runtime;
    this.history = history;
    this.repository = repository;
    this.identity = identity;
  }

  /**
   * Restarts ended instance {@code id} before {@code activityId}; the new instance's id. One
   * transaction: a refused annotation leaves no restarted instance behind.
   */
  @Transactional
  public String restart(String id, String activityId, String annotation) {
    HistoricProcessInstance ended =
        history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
    if (ended == null) {
      throw new NotFoundException("No process instance with id '" + id + "'");
    }
    if (ended.getEndTime() == null) {
      throw new ConflictException(
          "Instance '" + id + "' is still running; move its tokens with a modification instead");
    }
    String definitionId = ended.getProcessDefinitionId();
    if (!(repository.getBpmnModelInstance(definitionId).getModelElementById(activityId)
        instanceof FlowNode)) {
      throw new BadRequestException("The process has no step '" + activityId + "'");
    }
    Date since = new Date(System.currentTimeMillis() - START_SLACK_MILLIS);
    runtime
        .restartProcessInstances(definitionId)
        .startBeforeActivity(activityId)
        .processInstanceIds(id)
        .execute();
    if (annotation != null && !annotation.isBlank()) {
      annotate(definitionId, since, annotation.strip());
    }
    return history
        .createHistoricProcessInstanceQuery()
        .processDefinitionId(definitionId)
        .startedAfter(since)
        .list()
        .stream()
        .filter(started -> id.equals(started.getRestartedProcessInstanceId()))
        .max(Comparator.comparing(HistoricProcessInstance::getStartTime))
        .map(HistoricProcessInstance::getId)
        .orElseThrow(
            () -> new IllegalStateException("The restarted instance of " + id + " is missing"));
  }

  /** The engine logs a restart per definition, without an annotation: this user's newest one. */
  private void annotate(String definitionId, Date since, String annotation) {
    Authentication caller = identity.getCurrentAuthentication();
    var query =
        history
            .createUserOperationLogQuery()
            .operationType(UserOperationLogEntry.OPERATION_TYPE_RESTART_PROCESS_INSTANCE)
            .processDefinitionId(definitionId)
            .afterTimestamp(since);
    if (caller != null) {
      query.userId(caller.getUserId());
    }
    query.orderByTimestamp().desc().listPage(0, 1).stream()
        .findFirst()
        .ifPresent(
            entry -> history.setAnnotationForOperationLogById(entry.getOperationId(), annotation));
  }
}
