package dev.baton.engine.instances;

import dev.baton.engine.system.LikePatterns;
import dev.baton.engine.system.PageView;
import dev.baton.engine.system.Paging;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;

/**
 * Searches instances, running and ended, in the engine's history table: one count and one page
 * query, plus where the page's running rows are (see {@link InstanceWhereabouts}).
 */
@Service
public class InstanceSearchService {

  private final HistoryService history;
  private final RepositoryService repository;
  private final InstanceWhereabouts whereabouts;

  InstanceSearchService(
      HistoryService history, RepositoryService repository, InstanceWhereabouts whereabouts) {
    this.history = history;
    this.repository = repository;
    this.whereabouts = whereabouts;
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
    Map<String, InstanceWhereabouts.Where> where = whereabouts.of(rows);
    List<InstanceSummary> items =
        rows.stream()
            .map(row -> summary(row, where.getOrDefault(row.getId(), InstanceWhereabouts.NOWHERE)))
            .toList();
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
    if (search.activityId() != null) {
      query.activityIdIn(search.activityId());
    }
    if (search.parentInstanceId() != null) {
      query.superProcessInstanceId(search.parentInstanceId());
    }
    if (search.rootOnly()) {
      query.rootProcessInstances();
    }
    return query;
  }

  static InstanceSummary summary(HistoricProcessInstance row, InstanceWhereabouts.Where where) {
    boolean incident = where.incidentMessage() != null;
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
        row.getDurationInMillis(),
        row.getSuperProcessInstanceId(),
        row.getId().equals(row.getRootProcessInstanceId()) ? null : row.getRootProcessInstanceId(),
        where.waitingAt(),
        where.incidentMessage());
  }
}
