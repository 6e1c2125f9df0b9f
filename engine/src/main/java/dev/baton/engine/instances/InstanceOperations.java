package dev.baton.engine.instances;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.system.BadRequestException;
import dev.baton.engine.system.ConflictException;
import dev.baton.engine.system.NotFoundException;
import dev.baton.engine.tuning.OperatorChanges;
import dev.baton.engine.variables.VariablePolicy;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Service;

/**
 * What an operator may change on an instance. Runs as the signed-in user (see EngineUserFilter), so
 * the engine's user-operation log records who did it.
 */
@Service
public class InstanceOperations {

  private final RuntimeService runtime;
  private final HistoryService history;
  private final ObjectMapper mapper;
  private final VariablePolicy policy;

  InstanceOperations(
      RuntimeService runtime, HistoryService history, ObjectMapper mapper, VariablePolicy policy) {
    this.runtime = runtime;
    this.history = history;
    this.mapper = mapper;
    this.policy = policy;
  }

  /** Sets a variable after checking the value against its type; nothing is saved when it fails. */
  public void setVariable(String instanceId, String name, String type, JsonNode value) {
    if (name == null || name.isBlank() || name.length() > 255) {
      throw new BadRequestException("variable names are 1 to 255 characters");
    }
    requireRunning(instanceId);
    TypedValue typed = VariableValues.typed(type, value, mapper);
    policy.check(name, typed);
    // recorded: the log entry the engine writes names neither the variable nor the value
    OperatorChanges.recorded(() -> runtime.setVariable(instanceId, name, typed));
  }

  /** Cancels a running instance: no further step runs; its history stays. */
  public void cancel(String instanceId, String reason) {
    requireRunning(instanceId);
    String why = reason == null || reason.isBlank() ? "Canceled from the Baton console" : reason;
    runtime.deleteProcessInstance(instanceId, why);
  }

  /** Suspends (no job or task of it runs) or activates a running instance. */
  public void setSuspended(String instanceId, boolean suspended) {
    requireRunning(instanceId);
    var state = runtime.updateProcessInstanceSuspensionState().byProcessInstanceId(instanceId);
    if (suspended) {
      state.suspend();
    } else {
      state.activate();
    }
  }

  /** 404 for an unknown instance, 409 for one that has ended. */
  void requireRunning(String instanceId) {
    if (runtime.createProcessInstanceQuery().processInstanceId(instanceId).count() == 1) {
      return;
    }
    if (history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).count() == 1) {
      throw new ConflictException(
          "Instance '" + instanceId + "' has ended; it can no longer be changed");
    }
    throw new NotFoundException("No process instance with id '" + instanceId + "'");
  }
}
