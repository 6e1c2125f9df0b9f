package dev.baton.engine.batches;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.batch.Batch;
import org.springframework.stereotype.Component;

/**
 * Gives failed jobs and external tasks one more try, as Camunda batches: one for the jobs, one for
 * the external tasks (whichever there are), recorded as one operation.
 */
@Component
public class Retries {

  private final ManagementService management;
  private final ExternalTaskService externalTasks;
  private final BatchService batches;

  Retries(ManagementService management, ExternalTaskService externalTasks, BatchService batches) {
    this.management = management;
    this.externalTasks = externalTasks;
    this.batches = batches;
  }

  /** Starts the retry; the caller has checked that there is something to retry. */
  public BatchView start(List<String> jobIds, List<String> externalTaskIds) {
    List<Batch> started = new ArrayList<>();
    if (!jobIds.isEmpty()) {
      started.add(management.setJobRetriesAsync(jobIds, 1));
    }
    if (!externalTaskIds.isEmpty()) {
      started.add(externalTasks.updateRetries().externalTaskIds(externalTaskIds).setAsync(1));
    }
    return batches.track("retry", jobIds.size() + externalTaskIds.size(), started);
  }
}
