package dev.baton.engine.incidents;

import dev.baton.engine.batches.BatchView;
import dev.baton.engine.batches.Retries;
import dev.baton.engine.system.BadRequestException;
import dev.baton.engine.system.LikePatterns;
import dev.baton.engine.system.NotFoundException;
import dev.baton.engine.system.PageView;
import dev.baton.engine.system.Paging;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.IncidentQuery;
import org.springframework.stereotype.Service;

/** Open incidents: listed, explained (stack trace) and retried, one or many (as a batch). */
@Service
public class IncidentService {

  /** Most incidents one bulk retry takes. */
  public static final int MAX_RETRIES = 10_000;

  private final RuntimeService runtime;
  private final HistoryService history;
  private final RepositoryService repository;
  private final ManagementService management;
  private final ExternalTaskService externalTasks;
  private final Retries retries;

  IncidentService(
      RuntimeService runtime,
      HistoryService history,
      RepositoryService repository,
      ManagementService management,
      ExternalTaskService externalTasks,
      Retries retries) {
    this.runtime = runtime;
    this.history = history;
    this.repository = repository;
    this.management = management;
    this.externalTasks = externalTasks;
    this.retries = retries;
  }

  public PageView<IncidentSummary> list(
      String definitionKey, String activityId, String message, Paging paging) {
    IncidentQuery query = query(definitionKey, activityId, message);
    long total = query.count();
    List<Incident> incidents =
        query
            .orderByIncidentTimestamp()
            .desc()
            .orderByIncidentId()
            .asc()
            .listPage(paging.first(), paging.size());
    // a failed batch job's incident belongs to no instance
    Set<String> instanceIds =
        incidents.stream()
            .map(Incident::getProcessInstanceId)
            .filter(java.util.Objects::nonNull)
            .collect(Collectors.toSet());
    Map<String, HistoricProcessInstance> instances =
        instanceIds.isEmpty()
            ? Map.of()
            : history
                .createHistoricProcessInstanceQuery()
                .processInstanceIds(instanceIds)
                .list()
                .stream()
                .collect(Collectors.toMap(HistoricProcessInstance::getId, Function.identity()));
    List<IncidentSummary> items =
        incidents.stream()
            .map(
                i ->
                    summary(
                        i,
                        i.getProcessInstanceId() == null
                            ? null
                            : instances.get(i.getProcessInstanceId())))
            .toList();
    return new PageView<>(items, paging.page(), paging.size(), total);
  }

  /**
   * Gives the failed job or external task one more try; the incident closes when it is picked up.
   */
  public void retry(String incidentId) {
    Incident incident = find(incidentId);
    switch (incident.getIncidentType()) {
      case Incident.FAILED_JOB_HANDLER_TYPE ->
          management.setJobRetries(incident.getConfiguration(), 1);
      case Incident.EXTERNAL_TASK_HANDLER_TYPE ->
          externalTasks.setRetries(incident.getConfiguration(), 1);
      default ->
          throw new BadRequestException(
              "Incidents of type '"
                  + incident.getIncidentType()
                  + "' cannot be retried from Baton");
    }
  }

  /**
   * Retries the failed jobs and external tasks behind many incidents (named, or all matching the
   * list's filters) as Camunda batches; an incident named twice is retried once, one closed
   * meanwhile or of another type is left out. Nothing left to retry is a 400.
   */
  public BatchView retryAll(RetryRequest request) {
    if ((request.incidentIds() == null) == (request.filter() == null)) {
      throw new BadRequestException("Send either incidentIds or filter");
    }
    List<Incident> matched;
    if (request.filter() != null) {
      RetryRequest.Filter filter = request.filter();
      IncidentQuery query =
          query(
              blankToNull(filter.definitionKey()),
              blankToNull(filter.activityId()),
              blankToNull(filter.message()));
      if (query.count() > MAX_RETRIES) {
        throw new BadRequestException(
            "More than " + MAX_RETRIES + " incidents match; narrow the filter");
      }
      matched = query.list();
    } else {
      matched =
          new LinkedHashSet<>(request.incidentIds())
              .stream()
                  .map(id -> runtime.createIncidentQuery().incidentId(id).singleResult())
                  .filter(java.util.Objects::nonNull)
                  .toList();
    }
    List<String> jobIds = configurations(matched, Incident.FAILED_JOB_HANDLER_TYPE);
    List<String> taskIds = configurations(matched, Incident.EXTERNAL_TASK_HANDLER_TYPE);
    if (jobIds.isEmpty() && taskIds.isEmpty()) {
      throw new BadRequestException("Nothing to retry: no open incident of a job or external task");
    }
    return retries.start(jobIds, taskIds);
  }

  private static List<String> configurations(List<Incident> incidents, String type) {
    return incidents.stream()
        .filter(i -> type.equals(i.getIncidentType()) && i.getConfiguration() != null)
        .map(Incident::getConfiguration)
        .distinct()
        .toList();
  }

  private IncidentQuery query(String definitionKey, String activityId, String message) {
    IncidentQuery query = runtime.createIncidentQuery();
    if (definitionKey != null) {
      query.processDefinitionKeyIn(definitionKey);
    }
    if (activityId != null) {
      query.activityId(activityId);
    }
    if (message != null) {
      query.incidentMessageLike(LikePatterns.contains(message));
    }
    return query;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  public String stacktrace(String incidentId) {
    Incident incident = find(incidentId);
    String trace =
        switch (incident.getIncidentType()) {
          case Incident.FAILED_JOB_HANDLER_TYPE ->
              management.getJobExceptionStacktrace(incident.getConfiguration());
          case Incident.EXTERNAL_TASK_HANDLER_TYPE ->
              externalTasks.getExternalTaskErrorDetails(incident.getConfiguration());
          default -> null;
        };
    return trace == null ? incident.getIncidentMessage() : trace;
  }

  private Incident find(String incidentId) {
    Incident incident = runtime.createIncidentQuery().incidentId(incidentId).singleResult();
    if (incident == null) {
      throw new NotFoundException("No open incident with id '" + incidentId + "'");
    }
    return incident;
  }

  /**
   * One row; an incident of a job that belongs to no process (a failed batch job) has no instance
   * and no definition.
   */
  private IncidentSummary summary(Incident incident, HistoricProcessInstance instance) {
    ProcessDefinition definition =
        incident.getProcessDefinitionId() == null
            ? null
            : repository.getProcessDefinition(incident.getProcessDefinitionId());
    return new IncidentSummary(
        incident.getId(),
        incident.getIncidentType(),
        incident.getProcessInstanceId(),
        instance == null ? null : instance.getBusinessKey(),
        definition == null ? null : definition.getId(),
        definition == null ? null : definition.getKey(),
        definition == null ? null : definition.getVersion(),
        incident.getActivityId(),
        incident.getIncidentMessage(),
        incident.getIncidentTimestamp() == null
            ? null
            : incident.getIncidentTimestamp().toInstant());
  }
}
