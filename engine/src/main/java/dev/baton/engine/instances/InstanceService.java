package dev.baton.engine.instances;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.adapters.JsonVariables;
import dev.baton.adapters.TypedJson;
import dev.baton.engine.system.BadRequestException;
import dev.baton.engine.system.NotFoundException;
import dev.baton.engine.variables.VariablePolicy;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Service;

/**
 * Starts process instances and reads them back, from runtime while they run, from history after.
 */
@Service
public class InstanceService {

  private final RuntimeService runtime;
  private final HistoryService history;
  private final RepositoryService repository;
  private final ObjectMapper mapper;
  private final VariablePolicy policy;
  private final IncidentRetries retries;

  InstanceService(
      RuntimeService runtime,
      HistoryService history,
      RepositoryService repository,
      ObjectMapper mapper,
      VariablePolicy policy,
      IncidentRetries retries) {
    this.runtime = runtime;
    this.history = history;
    this.repository = repository;
    this.mapper = mapper;
    this.policy = policy;
    this.retries = retries;
  }

  /** Starts the latest version of {@code key}; all input is checked before anything is written. */
  public InstanceView start(String key, StartInstanceRequest request) {
    VariableMap variables = checkedVariables(request.variables(), policy);
    ProcessDefinition definition =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(key)
            .latestVersion()
            .singleResult();
    if (definition == null) {
      throw new NotFoundException("No process definition with key '" + key + "'");
    }
    ProcessInstance instance =
        runtime
            .createProcessInstanceById(definition.getId())
            .businessKey(request.businessKey())
            .setVariables(variables)
            .execute();
    return InstanceView.started(
        instance.getId(),
        instance.getBusinessKey(),
        definition.getId(),
        key,
        definition.getVersion());
  }

  /** JSON values by name as engine variables, each accepted by the variable policy, or 400. */
  public static VariableMap checkedVariables(JsonNode json, VariablePolicy policy) {
    VariableMap variables;
    try {
      variables = JsonVariables.fromJson(json);
    } catch (IllegalArgumentException unstorable) {
      // the converter's refusals are all about the caller's JSON
      throw new BadRequestException(unstorable.getMessage());
    }
    variables.forEach((name, value) -> policy.check(name, variables.getValueTyped(name)));
    return variables;
  }

  /** The instance with that id, or {@link NotFoundException}. */
  public InstanceView get(String id) {
    for (int attempt = 1; ; attempt++) {
      try {
        return read(id);
      } catch (OptimisticLockingException movedOn) {
        // reading the execution tree can make the engine write its cached state back, which
        // collides with a job or worker moving the same instance on: read again
        if (attempt == 3) {
          throw movedOn;
        }
      }
    }
  }

  private InstanceView read(String id) {
    ProcessInstance running =
        runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
    if (running != null) {
      try {
        return runningView(running);
      } catch (NullValueException endedWhileReading) {
        // it ended between the queries; history has it now
      }
    }
    HistoricProcessInstance ended =
        history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
    if (ended == null) {
      throw new NotFoundException("No process instance with id '" + id + "'");
    }
    return endedView(ended);
  }

  private InstanceView runningView(ProcessInstance instance) {
    ProcessDefinition definition =
        repository.getProcessDefinition(instance.getProcessDefinitionId());
    List<IncidentView> incidents =
        runtime.createIncidentQuery().processInstanceId(instance.getId()).list().stream()
            .map(retries::view)
            .toList();
    HistoricProcessInstance started =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceId(instance.getId())
            .singleResult();
    return new InstanceView(
        instance.getId(),
        instance.getBusinessKey(),
        definition.getId(),
        definition.getKey(),
        definition.getVersion(),
        incidents.isEmpty() ? InstanceState.RUNNING : InstanceState.INCIDENT,
        started == null ? null : instant(started.getStartTime()),
        null,
        null,
        null,
        runtime.getActiveActivityIds(instance.getId()),
        incidents,
        JsonVariables.toJson(runtime.getVariablesTyped(instance.getId(), false), mapper));
  }

  private InstanceView endedView(HistoricProcessInstance instance) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (HistoricVariableInstance variable :
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceId(instance.getId())
            .disableCustomObjectDeserialization()
            .list()) {
      if (variable.getActivityInstanceId() == null
          || variable.getActivityInstanceId().equals(instance.getId())) {
        variables.put(variable.getName(), TypedJson.valueToJson(variable.getTypedValue(), mapper));
      }
    }
    InstanceState state = state(instance, false);
    return new InstanceView(
        instance.getId(),
        instance.getBusinessKey(),
        instance.getProcessDefinitionId(),
        instance.getProcessDefinitionKey(),
        instance.getProcessDefinitionVersion(),
        state,
        instant(instance.getStartTime()),
        instant(instance.getEndTime()),
        instance.getEndActivityId(),
        state == InstanceState.CANCELED ? instance.getDeleteReason() : null,
        List.of(),
        List.of(),
        variables);
  }

  /** The operator's state of a history row; {@code incident} tells whether it has open ones. */
  static InstanceState state(HistoricProcessInstance instance, boolean incident) {
    if (instance.getEndTime() == null) {
      return incident ? InstanceState.INCIDENT : InstanceState.RUNNING;
    }
    return HistoricProcessInstance.STATE_COMPLETED.equals(instance.getState())
        ? InstanceState.COMPLETED
        : InstanceState.CANCELED;
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
