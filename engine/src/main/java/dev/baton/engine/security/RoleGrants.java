package dev.baton.engine.security;

import static org.camunda.bpm.engine.authorization.Resources.BATCH;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_TASK;
import static org.camunda.bpm.engine.authorization.Resources.OPERATION_LOG_CATEGORY;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;

import dev.baton.engine.workers.WorkerPrincipal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;

/**
 * Baton's roles as Camunda authorizations: what each role's group is granted on every resource
 * ({@code *}). The engine checks these on every call made as a person or a worker, whichever door
 * it came through. Administrators hold everything on every resource type (Camunda's own admin setup
 * does the same) and are Camunda admins (the engine's {@code adminGroups}) for the few operations
 * that ask for that. docs/security.md shows this table; {@code EngineGrantsIT} holds the engine to
 * it.
 */
final class RoleGrants {

  /** A grant of permissions on every resource of one type. */
  record Grant(Resource resource, List<Permission> permissions) {
    Grant(Resource resource, Permission... permissions) {
      this(resource, List.of(permissions));
    }
  }

  /**
   * The group the engine sees for a signed-in worker; no person is in it unless an administrator
   * puts one there.
   */
  static final String WORKER_GROUP = WorkerPrincipal.ROLE;

  private static final Grant READ_MODELS_DEPLOYMENTS = new Grant(DEPLOYMENT, Permissions.READ);
  private static final Grant READ_DECISIONS = new Grant(DECISION_DEFINITION, Permissions.READ);
  private static final Grant READ_DRDS =
      new Grant(DECISION_REQUIREMENTS_DEFINITION, Permissions.READ);

  /** Role (group id) to its grants, in the order they are created. */
  static final Map<String, List<Grant>> TABLE = table();

  private RoleGrants() {}

  private static Map<String, List<Grant>> table() {
    Map<String, List<Grant>> table = new LinkedHashMap<>();
    // Analysts model and deploy. They see where instances are (the heatmap and counts per step)
    // but not their variables: variable reads need their own permission (engine setting
    // enforceSpecificVariablePermission), which only operators and workers hold.
    table.put(
        Roles.ANALYST,
        List.of(
            new Grant(
                PROCESS_DEFINITION,
                ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.READ_HISTORY),
            new Grant(DEPLOYMENT, Permissions.READ, Permissions.CREATE),
            READ_DECISIONS,
            READ_DRDS));
    // Operators watch and repair running work: no identity, no authorizations, no deployments.
    table.put(
        Roles.OPERATOR,
        List.of(
            new Grant(
                PROCESS_DEFINITION,
                ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.CREATE_INSTANCE,
                ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.UPDATE_INSTANCE,
                ProcessDefinitionPermissions.DELETE_INSTANCE,
                ProcessDefinitionPermissions.MIGRATE_INSTANCE,
                ProcessDefinitionPermissions.RETRY_JOB,
                ProcessDefinitionPermissions.SUSPEND,
                ProcessDefinitionPermissions.SUSPEND_INSTANCE,
                ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
                ProcessDefinitionPermissions.UPDATE_INSTANCE_VARIABLE,
                ProcessDefinitionPermissions.READ_TASK,
                ProcessDefinitionPermissions.UPDATE_TASK,
                ProcessDefinitionPermissions.TASK_WORK,
                ProcessDefinitionPermissions.TASK_ASSIGN,
                ProcessDefinitionPermissions.READ_TASK_VARIABLE,
                ProcessDefinitionPermissions.UPDATE_TASK_VARIABLE,
                ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_HISTORY_VARIABLE,
                ProcessDefinitionPermissions.DELETE_HISTORY),
            new Grant(
                PROCESS_INSTANCE,
                ProcessInstancePermissions.CREATE,
                ProcessInstancePermissions.READ,
                ProcessInstancePermissions.UPDATE,
                ProcessInstancePermissions.DELETE,
                ProcessInstancePermissions.RETRY_JOB,
                ProcessInstancePermissions.SUSPEND,
                ProcessInstancePermissions.UPDATE_VARIABLE),
            new Grant(
                TASK,
                TaskPermissions.READ,
                TaskPermissions.UPDATE,
                TaskPermissions.TASK_WORK,
                TaskPermissions.TASK_ASSIGN,
                TaskPermissions.READ_VARIABLE,
                TaskPermissions.UPDATE_VARIABLE,
                TaskPermissions.READ_HISTORY),
            new Grant(HISTORIC_PROCESS_INSTANCE, HistoricProcessInstancePermissions.READ),
            new Grant(
                HISTORIC_TASK, HistoricTaskPermissions.READ, HistoricTaskPermissions.READ_VARIABLE),
            new Grant(
                BATCH,
                BatchPermissions.CREATE,
                BatchPermissions.READ,
                BatchPermissions.UPDATE,
                BatchPermissions.DELETE,
                BatchPermissions.READ_HISTORY,
                BatchPermissions.DELETE_HISTORY),
            new Grant(
                DECISION_DEFINITION,
                Permissions.READ,
                Permissions.CREATE_INSTANCE,
                Permissions.READ_HISTORY),
            READ_DRDS,
            READ_MODELS_DEPLOYMENTS,
            // UPDATE: annotate an entry, e.g. the restart the engine logs without one
            new Grant(
                OPERATION_LOG_CATEGORY,
                UserOperationLogCategoryPermissions.READ,
                UserOperationLogCategoryPermissions.UPDATE)));
    table.put(
        Roles.ADMIN,
        java.util.Arrays.stream(Resources.values())
            .map(resource -> new Grant(resource, Permissions.ALL))
            .toList());
    // Workers fetch, lock and finish external tasks; the gate holds each to its own topics.
    table.put(
        WORKER_GROUP,
        List.of(
            new Grant(
                PROCESS_DEFINITION,
                ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.UPDATE_INSTANCE,
                ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
                ProcessDefinitionPermissions.UPDATE_INSTANCE_VARIABLE)));
    return table;
  }
}
