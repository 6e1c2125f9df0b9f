package dev.baton.engine.instances;

import dev.baton.engine.system.LikePatterns;
import dev.baton.engine.system.PageView;
import dev.baton.engine.system.Paging;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;

/**
 * Searches instances, running and ended, in the engine's history table: one count and one page
 * query, plus one query for which rows of the page have open incidents.
 */
@Service
public class InstanceSearchService {

  private final HistoryService history;
  private final RepositoryService repository;

  InstanceSearchService(HistoryService history, RepositoryService repository) {
    this.history = history;
    this.repository = repository;
  }

  public PageView<InstanceSummary> search(InstanceSearch search, Paging paging) {
    HistoricProcessInstanceQuery query = query(search);
    if (query == null) {
      return new PageView<>(List.of(), paging.page(), paging.size(), 0);
    }
    long total = query.count();
    if (search.ascending()) {
      query.orderByProcessInstanceStartTime().asc();
    } else {
      query.orderByProcessInstanceStartTime().desc();
    }
    query.orderByProcessInstanceId().asc();
    List<HistoricProcessInstance> rows = query.listPage(paging.first(), paging.size());
    Set<String> withIncidents = withOpenIncidents(rows);
    List<InstanceSummary> items =
        rows.stream().map(row -> summary(row, withIncidents.contains(row.getId()))).toList();
    return new PageView<>(items, paging.page(), paging.size(), total);
  }

  /**
   * The query for these filters, or {@code null} when nothing can match: the instance list's, and
   * the one operations on all matching instances start from (batches).
   */
  public HistoricProcessInstanceQuery query(InstanceSearch search) {
    HistoricProcessInstanceQuery query = history.createHistoricProcessInstanceQuery();
    if (search.definitionKey() != null) {
      if (search.definitionVersion() != null) {
        ProcessDefinition definition =
            repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(search.definitionKey())
                .processDefinitionVersion(search.definitionVersion())
                .singleResult();
        if (definition == null) {
          return null;
        }
        query.processDefinitionId(definition.getId());
      } else {
        query.processDefinitionKey(search.definitionKey());
      }
    }
    if (search.state() != null) {
      switch (search.state()) {
        case RUNNING -> query.unfinished();
        case INCIDENT -> query.unfinished().withIncidents().incidentStatus("open");
        case COMPLETED -> query.completed();
        case CANCELED -> query.or().externallyTerminated().internallyTerminated().endOr();
      }
    }
    if (search.businessKey() != null) {
      query.processInstanceBusinessKey(search.businessKey());
    }
    if (search.businessKeyPrefix() != null) {
      query.processInstanceBusinessKeyLike(LikePatterns.startsWith(search.businessKeyPrefix()));
    }
    if (search.startedAfter() != null) {
      query.startedAfter(Date.from(search.startedAfter()));
    }
    if (search.startedBefore() != null) {
      query.startedBefore(Date.from(search.startedBefore()));
    }
    if (search.variableName() != null) {
      query.variableValueEquals(
          search.variableName(), VariableValues.guess(search.variableValue()));
    }
    return query;
  }

  private Set<String> withOpenIncidents(List<HistoricProcessInstance> rows) {
    Set<String> running =
        rows.stream()
            .filter(r -> r.getEndTime() == null)
            .map(HistoricProcessInstance::getId)
            .collect(Collectors.toSet());
    if (running.isEmpty()) {
      return Set.of();
    }
    return history
        .createHistoricProcessInstanceQuery()
        .processInstanceIds(running)
        .withIncidents()
        .incidentStatus("open")
        .list()
        .stream()
        .map(HistoricProcessInstance::getId)
        .collect(Collectors.toSet());
  }

  static InstanceSummary summary(HistoricProcessInstance row, boolean incident) {
    return new InstanceSummary(
        row.getId(),
        row.getBusinessKey(),
        row.getProcessDefinitionId(),
        row.getProcessDefinitionKey(),
        row.getProcessDefinitionName(),
        row.getProcessDefinitionVersion(),
        InstanceService.state(row, incident),
        row.getStartTime() == null ? null : row.getStartTime().toInstant(),
        row.getEndTime() == null ? null : row.getEndTime().toInstant(),
        row.getDurationInMillis());
  }
}
