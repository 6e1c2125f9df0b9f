package dev.baton.engine.instances;

import dev.baton.engine.system.BadRequestException;
import dev.baton.engine.system.ConflictException;
import dev.baton.engine.tuning.OperatorChanges;
import dev.baton.engine.variables.VariablePolicy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationInstantiationBuilder;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.springframework.stereotype.Service;

/**
 * Moves the tokens of one running instance with Camunda's process instance modification: every
 * instruction is checked against the instance's model and its active steps first, and the
 * modification runs only when all can apply. The annotation goes into the operation log.
 */
@Service
public class InstanceModification {

  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final InstanceOperations operations;
  private final VariablePolicy policy;

  InstanceModification(
      RuntimeService runtime,
      RepositoryService repository,
      InstanceOperations operations,
      VariablePolicy policy) {
    this.runtime = runtime;
    this.repository = repository;
    this.operations = operations;
    this.policy = policy;
  }

  /** Applies the request to running instance {@code id}, or changes nothing. */
  public void modify(String id, ModificationRequest request) {
    operations.requireRunning(id);
    VariableMap variables = InstanceService.checkedVariables(request.variables(), policy);
    ProcessInstance instance =
        runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
    if (instance == null) {
      throw new ConflictException("Instance '" + id + "' ended meanwhile; it can no longer change");
    }
    BpmnModelInstance model = repository.getBpmnModelInstance(instance.getProcessDefinitionId());
    Set<String> active = activeActivityIds(runtime.getActivityInstance(id));
    List<ModificationRefusedException.Problem> problems = new ArrayList<>();
    for (int i = 0; i < request.instructions().size(); i++) {
      ModificationRequest.Instruction instruction = request.instructions().get(i);
      String problem = problem(instruction, model, active);
      if (problem != null) {
        problems.add(
            new ModificationRefusedException.Problem(
                i, instruction.type(), instruction.activityId(), problem));
      }
    }
    if (!variables.isEmpty()
        && request.instructions().stream().allMatch(i -> "cancel".equals(i.type()))) {
      throw new BadRequestException(
          "variables are set with a start instruction (startBefore or startAfter); this"
              + " modification only cancels");
    }
    if (!problems.isEmpty()) {
      throw new ModificationRefusedException(problems);
    }
    execute(builder(id, request, variables));
  }

  /**
   * The engine's modification has no instance-level variables: they go with the first start, set
   * from there (not locally), so each lands where a variable of that name already is, or on the
   * instance.
   */
  private ProcessInstanceModificationBuilder builder(
      String id, ModificationRequest request, VariableMap variables) {
    ProcessInstanceModificationBuilder builder =
        runtime.createProcessInstanceModification(id).setAnnotation(request.annotation().strip());
    boolean variablesPending = !variables.isEmpty();
    for (ModificationRequest.Instruction instruction : request.instructions()) {
      String activityId = instruction.activityId();
      ProcessInstanceModificationInstantiationBuilder start =
          switch (instruction.type()) {
            case "cancel" -> null;
            case "startBefore" -> builder.startBeforeActivity(activityId);
            default -> builder.startAfterActivity(activityId);
          };
      if (start == null) {
        builder = builder.cancelAllForActivity(activityId);
      } else if (variablesPending) {
        builder = start.setVariables(variables);
        variablesPending = false;
      } else {
        builder = start;
      }
    }
    return builder;
  }

  /** Why {@code instruction} cannot apply to an instance of {@code model}, or null. */
  private static String problem(
      ModificationRequest.Instruction instruction, BpmnModelInstance model, Set<String> active) {
    String type = instruction.type();
    if (!List.of("cancel", "startBefore", "startAfter").contains(type)) {
      return "type must be cancel, startBefore or startAfter, not '" + type + "'";
    }
    String activityId = instruction.activityId();
    if (!(model.getModelElementById(activityId) instanceof FlowNode node)) {
      return "the process has no step '" + activityId + "'";
    }
    if ("cancel".equals(type) && !active.contains(activityId)) {
      return "nothing is active at '" + activityId + "' to cancel";
    }
    if ("startAfter".equals(type) && node.getOutgoing().size() != 1) {
      return "cannot start after '"
          + activityId
          + "': it has "
          + node.getOutgoing().size()
          + " outgoing flows, not exactly one";
    }
    return null;
  }

  /** The steps that hold a token: activity instances and transitions waiting at async jobs. */
  private static Set<String> activeActivityIds(ActivityInstance root) {
    Set<String> ids = new HashSet<>();
    collect(root, ids);
    return ids;
  }

  private static void collect(ActivityInstance instance, Set<String> ids) {
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      ids.add(child.getActivityId());
      collect(child, ids);
    }
    for (TransitionInstance transition : instance.getChildTransitionInstances()) {
      ids.add(transition.getActivityId());
    }
  }

  private static void execute(ProcessInstanceModificationBuilder builder) {
    try {
      OperatorChanges.recorded(builder::execute);
    } catch (ProcessEngineException refused) {
      // the engine's generic refusal of an instruction set ("cannot perform instruction ...");
      // authorization, concurrency and step failures keep their own types and answers
      if (refused.getClass() != ProcessEngineException.class) {
        throw refused;
      }
      throw new BadRequestException("The engine refused the modification: " + refused.getMessage());
    }
  }
}
