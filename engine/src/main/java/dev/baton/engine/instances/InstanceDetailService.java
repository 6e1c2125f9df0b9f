package dev.baton.engine.instances;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.adapters.TypedJson;
import dev.baton.engine.definitions.DefinitionService;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Service;

/** Assembles the instance page: state, diagram, path, incidents, variables and audit log. */
@Service
public class InstanceDetailService {

  /** Activity instances shown at most (a loop can make thousands). */
  static final int MAX_ACTIVITIES = 1_000;

  /** Audit entries shown at most, newest first. */
  static final int MAX_OPERATIONS = 200;

  /** Characters of a changed variable's value the operation log shows. */
  static final int MAX_LOGGED_VALUE = 200;

  private final InstanceService instances;
  private final DefinitionService definitions;
  private final HistoryService history;
  private final RuntimeService runtime;
  private final ObjectMapper mapper;

  InstanceDetailService(
      InstanceService instances,
      DefinitionService definitions,
      HistoryService history,
      RuntimeService runtime,
      ObjectMapper mapper) {
    this.instances = instances;
    this.definitions = definitions;
    this.history = history;
    this.runtime = runtime;
    this.mapper = mapper;
  }

  public InstanceDetail detail(String id) {
    InstanceView instance = instances.get(id);
    boolean running =
        instance.endTime() == null
            && instance.state() != InstanceState.COMPLETED
            && instance.state() != InstanceState.CANCELED;
    return new InstanceDetail(
        instance,
        definitions.xml(instance.definitionId()),
        activities(id),
        instance.incidents(),
        pastIncidents(id),
        running ? runningVariables(id) : endedVariables(id),
        operations(id),
        running && suspended(id),
        lineage(id));
  }

  private InstanceDetail.Lineage lineage(String id) {
    HistoricProcessInstance self =
        history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
    if (self == null || self.getSuperProcessInstanceId() == null) {
      return new InstanceDetail.Lineage(null, null, null, null);
    }
    String parentId = self.getSuperProcessInstanceId();
    String rootId = self.getRootProcessInstanceId();
    Map<String, String> keys =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceIds(new HashSet<>(List.of(parentId, rootId)))
            .list()
            .stream()
            .collect(
                Collectors.toMap(
                    HistoricProcessInstance::getId,
                    HistoricProcessInstance::getProcessDefinitionKey));
    // an instance the reader may not see stays a bare id; its own page says what it can
    return new InstanceDetail.Lineage(parentId, keys.get(parentId), rootId, keys.get(rootId));
  }

  private boolean suspended(String id) {
    return runtime.createProcessInstanceQuery().processInstanceId(id).suspended().count() == 1;
  }

  private List<InstanceDetail.Activity> activities(String id) {
    return history
        .createHistoricActivityInstanceQuery()
        .processInstanceId(id)
        .orderPartiallyByOccurrence()
        .asc()
        .listPage(0, MAX_ACTIVITIES)
        .stream()
        .map(InstanceDetailService::activity)
        .toList();
  }

  private static InstanceDetail.Activity activity(HistoricActivityInstance a) {
    String state = a.getEndTime() == null ? "ACTIVE" : a.isCanceled() ? "CANCELED" : "COMPLETED";
    return new InstanceDetail.Activity(
        a.getId(),
        a.getActivityId(),
        a.getActivityName(),
        a.getActivityType(),
        instant(a.getStartTime()),
        instant(a.getEndTime()),
        a.getDurationInMillis(),
        state,
        a.getCalledProcessInstanceId());
  }

  private List<InstanceDetail.PastIncident> pastIncidents(String id) {
    return history
        .createHistoricIncidentQuery()
        .processInstanceId(id)
        .orderByCreateTime()
        .asc()
        .listPage(0, MAX_ACTIVITIES)
        .stream()
        .filter(incident -> !incident.isOpen())
        .map(
            incident ->
                new InstanceDetail.PastIncident(
                    incident.getId(),
                    incident.getIncidentType(),
                    incident.getActivityId(),
                    incident.getIncidentMessage(),
                    instant(incident.getCreateTime()),
                    instant(incident.getEndTime()),
                    incident.isResolved() ? "RESOLVED" : "DELETED"))
        .toList();
  }

  private List<InstanceDetail.Variable> runningVariables(String id) {
    org.camunda.bpm.engine.variable.VariableMap variables;
    try {
      variables = runtime.getVariablesTyped(id, false);
    } catch (org.camunda.bpm.engine.exception.NullValueException endedMeanwhile) {
      // the instance ended between reading its state and reading its variables
      return endedVariables(id);
    }
    return variables.keySet().stream()
        .sorted()
        .map(name -> variable(name, variables.getValueTyped(name), true))
        .toList();
  }

  private List<InstanceDetail.Variable> endedVariables(String id) {
    return history
        .createHistoricVariableInstanceQuery()
        .processInstanceId(id)
        .disableCustomObjectDeserialization()
        .list()
        .stream()
        .filter(v -> v.getActivityInstanceId() == null || v.getActivityInstanceId().equals(id))
        .sorted(Comparator.comparing(HistoricVariableInstance::getName))
        .map(v -> variable(v.getName(), v.getTypedValue(), false))
        .toList();
  }

  private InstanceDetail.Variable variable(String name, TypedValue value, boolean running) {
    String type =
        value == null || value.getType() == null ? "Null" : typeName(value.getType().getName());
    return new InstanceDetail.Variable(
        name,
        type,
        TypedJson.valueToJson(value, mapper),
        running && VariableValues.EditableType.editable(type));
  }

  /** The engine's type names ("string", "json") as people write them ("String", "Json"). */
  private static String typeName(String engineName) {
    return engineName.isEmpty()
        ? engineName
        : Character.toUpperCase(engineName.charAt(0)) + engineName.substring(1);
  }

  private List<InstanceDetail.Operation> operations(String id) {
    return history
        .createUserOperationLogQuery()
        .processInstanceId(id)
        .orderByTimestamp()
        .desc()
        .listPage(0, MAX_OPERATIONS)
        .stream()
        .flatMap(e -> operation(e).stream())
        .toList();
  }

  /** One row per entry; a recorded "SetVariable" entry becomes one row per variable it set. */
  private List<InstanceDetail.Operation> operation(UserOperationLogEntry e) {
    if (!UserOperationLogEntry.OPERATION_TYPE_SET_VARIABLE.equals(e.getOperationType())
        || e.getProperty() != null
        || e.getOperationId() == null) {
      return List.of(plain(e));
    }
    List<HistoricDetail> changes =
        history
            .createHistoricDetailQuery()
            .userOperationId(e.getOperationId())
            .variableUpdates()
            .disableCustomObjectDeserialization()
            .list();
    if (changes.isEmpty()) {
      return List.of(plain(e));
    }
    return changes.stream()
        .filter(HistoricVariableUpdate.class::isInstance)
        .map(HistoricVariableUpdate.class::cast)
        .sorted(Comparator.comparing(HistoricVariableUpdate::getVariableName))
        .map(
            update ->
                new InstanceDetail.Operation(
                    instant(e.getTimestamp()),
                    e.getUserId(),
                    e.getOperationType(),
                    e.getEntityType(),
                    update.getVariableName(),
                    null,
                    shown(update.getTypedValue()),
                    e.getAnnotation()))
        .toList();
  }

  /** The value as the log shows it: JSON text, cut to {@link #MAX_LOGGED_VALUE} characters. */
  private String shown(TypedValue value) {
    String text;
    try {
      text = mapper.writeValueAsString(TypedJson.valueToJson(value, mapper));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      text = String.valueOf(value == null ? null : value.getValue());
    }
    return text.length() <= MAX_LOGGED_VALUE ? text : text.substring(0, MAX_LOGGED_VALUE) + "…";
  }

  private static InstanceDetail.Operation plain(UserOperationLogEntry e) {
    return new InstanceDetail.Operation(
        instant(e.getTimestamp()),
        e.getUserId(),
        e.getOperationType(),
        e.getEntityType(),
        e.getProperty(),
        e.getOrgValue(),
        e.getNewValue(),
        e.getAnnotation());
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
