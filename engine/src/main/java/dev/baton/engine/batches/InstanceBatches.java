package dev.baton.engine.batches;

import dev.baton.engine.instances.InstanceSearch;
import dev.baton.engine.instances.InstanceSearchService;
import dev.baton.engine.instances.InstanceState;
import dev.baton.engine.system.BadRequestException;
import dev.baton.engine.system.NotFoundException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Service;

/**
 * Cancel, suspend, activate, retry or delete the history of every instance matching a filter (the
 * instance list's own query) or named by id, as Camunda batches run by the job executor. Nothing to
 * do is a 400: no empty batch is recorded.
 */
@Service
public class InstanceBatches {

  /** Most instances (or failed jobs and tasks) one operation may take; narrow the filter beyond. */
  public static final int MAX_ITEMS = 10_000;

  /** The operations, as they appear in the path. */
  public static final List<String> OPERATIONS =
      List.of("cancel", "suspend", "activate", "retry", "delete-history");

  private static final int ID_CHUNK = 1_000;

  private final InstanceSearchService search;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final ManagementService management;
  private final ExternalTaskService externalTasks;
  private final BatchService batches;
  private final Retries retries;

  InstanceBatches(
      InstanceSearchService search,
      RuntimeService runtime,
      HistoryService history,
      ManagementService management,
      ExternalTaskService externalTasks,
      BatchService batches,
      Retries retries) {
    this.search = search;
    this.runtime = runtime;
    this.history = history;
    this.management = management;
    this.externalTasks = externalTasks;
    this.batches = batches;
    this.retries = retries;
  }

  public BatchView start(String operation, InstanceBatchRequest request) {
    if (!OPERATIONS.contains(operation)) {
      throw new NotFoundException(
          "No batch operation '" + operation + "'; one of " + String.join(", ", OPERATIONS));
    }
    if ((request.filter() == null) == (request.instanceIds() == null)) {
      throw new BadRequestException("Send either filter or instanceIds");
    }
    return switch (operation) {
      case "cancel" -> cancel(request);
      case "suspend" -> suspension(request, true);
      case "activate" -> suspension(request, false);
      case "retry" -> retry(request);
      default -> deleteHistory(request);
    };
  }

  private BatchView cancel(InstanceBatchRequest request) {
    HistoricProcessInstanceQuery query = running(request);
    String reason =
        request.reason() == null || request.reason().isBlank()
            ? "Canceled from the Baton console"
            : request.reason();
    count(query);
    Batch batch = runtime.deleteProcessInstancesAsync(null, null, query, reason, false, false);
    return batches.track("cancel", batch.getTotalJobs(), List.of(batch), reason);
  }

  private BatchView suspension(InstanceBatchRequest request, boolean suspend) {
    HistoricProcessInstanceQuery query = running(request);
    if (suspend) {
      query.active();
    } else {
      query.suspended();
    }
    count(query);
    var builder =
        runtime.updateProcessInstanceSuspensionState().byHistoricProcessInstanceQuery(query);
    Batch batch = suspend ? builder.suspendAsync() : builder.activateAsync();
    return batches.track(suspend ? "suspend" : "activate", batch.getTotalJobs(), List.of(batch));
  }

  private BatchView deleteHistory(InstanceBatchRequest request) {
    HistoricProcessInstanceQuery query = matching(request);
    if (query == null) {
      throw nothingToDo();
    }
    query.finished();
    count(query);
    String reason = request.reason() == null ? "Deleted from the Baton console" : request.reason();
    Batch batch = history.deleteHistoricProcessInstancesAsync(query, reason);
    return batches.track("delete-history", batch.getTotalJobs(), List.of(batch), request.reason());
  }

  /** Only what failed for good (no retries left) in the matched instances gets another try. */
  private BatchView retry(InstanceBatchRequest request) {
    HistoricProcessInstanceQuery query = running(request);
    count(query);
    List<String> instanceIds =
        query.listPage(0, MAX_ITEMS).stream().map(HistoricProcessInstance::getId).toList();
    List<String> jobIds = new ArrayList<>();
    List<String> taskIds = new ArrayList<>();
    for (int from = 0; from < instanceIds.size(); from += ID_CHUNK) {
      List<String> chunk = instanceIds.subList(from, Math.min(from + ID_CHUNK, instanceIds.size()));
      management
          .createJobQuery()
          .processInstanceIds(new HashSet<>(chunk))
          .noRetriesLeft()
          .list()
          .stream()
          .map(Job::getId)
          .forEach(jobIds::add);
      externalTasks
          .createExternalTaskQuery()
          .processInstanceIdIn(chunk.toArray(String[]::new))
          .noRetriesLeft()
          .list()
          .stream()
          .map(ExternalTask::getId)
          .forEach(taskIds::add);
    }
    if (jobIds.isEmpty() && taskIds.isEmpty()) {
      throw new BadRequestException(
          "Nothing to retry: no failed job or external task in the matching instances");
    }
    return retries.start(jobIds, taskIds);
  }

  /** The running instances matched, or a 400 when none can be. */
  private HistoricProcessInstanceQuery running(InstanceBatchRequest request) {
    InstanceSearch filter = request.filter();
    HistoricProcessInstanceQuery query = matching(request);
    if (query == null
        || filter != null
            && (filter.state() == InstanceState.COMPLETED
                || filter.state() == InstanceState.CANCELED)) {
      throw nothingToDo();
    }
    return query.unfinished();
  }

  private HistoricProcessInstanceQuery matching(InstanceBatchRequest request) {
    if (request.filter() != null) {
      return search.query(request.filter());
    }
    Set<String> ids = new HashSet<>(request.instanceIds());
    if (ids.isEmpty()) {
      throw nothingToDo();
    }
    return history.createHistoricProcessInstanceQuery().processInstanceIds(ids);
  }

  private static void count(HistoricProcessInstanceQuery query) {
    long total = query.count();
    if (total == 0) {
      throw nothingToDo();
    }
    if (total > MAX_ITEMS) {
      throw new BadRequestException(
          total
              + " instances match; one operation takes at most "
              + MAX_ITEMS
              + ": narrow the filter");
    }
  }

  private static BadRequestException nothingToDo() {
    return new BadRequestException("Nothing to do: no instance matches for this operation");
  }
}
