package dev.baton.engine.instances;

import dev.baton.engine.system.EngineTables;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * Where the running instances of a list page are: the steps holding their tokens and their oldest
 * open incident, in two queries for the whole page. A token is where the list's activity filter
 * finds it (Camunda's {@code activityIdIn}: the step an execution stands at, waiting, about to
 * continue asynchronously or failing), so "waiting at" and that filter always agree. The rows were
 * read through the engine's authorized query; this only adds detail to them.
 */
@Component
class InstanceWhereabouts {

  /** Where an instance is; both parts empty for an ended one. */
  record Where(List<InstanceSummary.Step> waitingAt, String incidentMessage) {}

  static final Where NOWHERE = new Where(List.of(), null);

  private final EngineTables tables;
  private final RepositoryService repository;

  InstanceWhereabouts(EngineTables tables, RepositoryService repository) {
    this.tables = tables;
    this.repository = repository;
  }

  Map<String, Where> of(List<HistoricProcessInstance> rows) {
    Map<String, String> definitionOf = new LinkedHashMap<>();
    for (HistoricProcessInstance row : rows) {
      if (row.getEndTime() == null) {
        definitionOf.put(row.getId(), row.getProcessDefinitionId());
      }
    }
    if (definitionOf.isEmpty()) {
      return Map.of();
    }
    List<String> ids = new ArrayList<>(definitionOf.keySet());
    String in = String.join(",", Collections.nCopies(ids.size(), "?"));
    Map<String, Set<String>> steps = new HashMap<>();
    tables.query(
        "select PROC_INST_ID_, ACT_ID_ from {ACT_RU_EXECUTION} where ACT_ID_ is not null"
            + " and IS_EVENT_SCOPE_ = ? and PROC_INST_ID_ in ("
            + in
            + ") order by ID_",
        rs ->
            steps.computeIfAbsent(rs.getString(1), k -> new LinkedHashSet<>()).add(rs.getString(2)),
        args(false, ids));
    Map<String, String> incidents = new HashMap<>();
    tables.query(
        "select PROC_INST_ID_, INCIDENT_MSG_ from {ACT_RU_INCIDENT} where PROC_INST_ID_ in ("
            + in
            + ") order by INCIDENT_TIMESTAMP_, ID_",
        rs -> incidents.putIfAbsent(rs.getString(1), message(rs.getString(2))),
        ids.toArray());
    Map<String, BpmnModelInstance> models = new HashMap<>();
    Map<String, Where> where = new HashMap<>();
    definitionOf.forEach(
        (id, definitionId) -> {
          List<InstanceSummary.Step> at =
              steps.getOrDefault(id, Set.of()).stream()
                  .map(
                      activityId ->
                          new InstanceSummary.Step(
                              activityId,
                              name(models.computeIfAbsent(definitionId, this::model), activityId)))
                  .toList();
          where.put(id, new Where(at, incidents.get(id)));
        });
    return where;
  }

  private BpmnModelInstance model(String definitionId) {
    // the deployment cache holds it: no query once the definition has been used
    return repository.getBpmnModelInstance(definitionId);
  }

  private static String name(BpmnModelInstance model, String activityId) {
    ModelElementInstance element = model == null ? null : model.getModelElementById(activityId);
    String name = element == null ? null : element.getAttributeValue("name");
    return name == null || name.isBlank() ? null : name.strip();
  }

  /** An incident always shows something: the engine stores no message for some failures. */
  private static String message(String message) {
    return message == null || message.isBlank() ? "(no message)" : message;
  }

  private static Object[] args(Object first, List<String> rest) {
    Object[] args = new Object[rest.size() + 1];
    args[0] = first;
    for (int i = 0; i < rest.size(); i++) {
      args[i + 1] = rest.get(i);
    }
    return args;
  }
}
