package dev.baton.engine.batches;

import dev.baton.engine.batches.BatchView.Failure;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.impl.batch.BatchConfiguration;
import org.camunda.bpm.engine.impl.batch.BatchJobHandler;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ByteArrayEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * Reads how far an operation's Camunda batches have come, from the engine's tables only: batch
 * statistics while a batch runs (a finished batch is gone from the runtime tables, all its items
 * done), and its failed batch jobs for the failures. Batch jobs carry one item each (Camunda's
 * default {@code invocationsPerBatchJob} of 1), so a batch job is an item and a failed one names
 * the instance it was for.
 */
@Component
class BatchProgress {

  /** At most this many failures are listed per Camunda batch. */
  static final int MAX_FAILURES = 200;

  private final ManagementService management;
  private final ProcessEngineConfigurationImpl configuration;

  BatchProgress(ManagementService management, ProcessEngineConfigurationImpl configuration) {
    this.management = management;
    this.configuration = configuration;
  }

  /** How far the Camunda batches are: items left (failed ones included), failed, and failures. */
  record Progress(long remaining, long failed, List<Failure> failures) {}

  Progress of(List<String> camundaBatchIds) {
    long remaining = 0;
    long failed = 0;
    List<Failure> failures = new ArrayList<>();
    for (String batchId : camundaBatchIds) {
      BatchStatistics statistics =
          management.createBatchStatisticsQuery().batchId(batchId).singleResult();
      if (statistics == null) {
        continue; // finished (or removed): nothing left
      }
      remaining += statistics.getRemainingJobs();
      failed += statistics.getFailedJobs();
      if (statistics.getFailedJobs() > 0) {
        failures.addAll(failures(statistics));
      }
    }
    return new Progress(remaining, failed, failures);
  }

  /**
   * The failed batch jobs of one batch, each with the instance its item was for. Batch jobs belong
   * to no process definition, so Camunda's job authorizations would hide them from everyone but
   * administrators; the caller may read the batch itself (its statistics answered), so they are
   * read without authorization checks.
   */
  private List<Failure> failures(Batch batch) {
    BatchJobHandler<?> handler = configuration.getBatchHandlers().get(batch.getType());
    return configuration
        .getCommandExecutorTxRequired()
        .execute(
            context ->
                context.runWithoutAuthorization(
                    () -> {
                      List<Job> jobs =
                          management
                              .createJobQuery()
                              .jobDefinitionId(batch.getBatchJobDefinitionId())
                              .noRetriesLeft()
                              .orderByJobId()
                              .asc()
                              .listPage(0, MAX_FAILURES);
                      List<Failure> failures = new ArrayList<>();
                      for (Job job : jobs) {
                        for (String item : items(context, handler, job)) {
                          failures.add(
                              new Failure(
                                  instanceOf(batch.getType(), item), job.getExceptionMessage()));
                        }
                      }
                      return failures;
                    }));
  }

  /** The items (instance, job or external task ids) a batch job was for, by its own handler. */
  private static List<String> items(CommandContext context, BatchJobHandler<?> handler, Job job) {
    if (handler == null || !(job instanceof JobEntity entity)) {
      return List.of();
    }
    ByteArrayEntity configuration =
        context
            .getDbEntityManager()
            .selectById(ByteArrayEntity.class, entity.getJobHandlerConfigurationRaw());
    if (configuration == null) {
      return List.of();
    }
    Object read = handler.readConfiguration(configuration.getBytes());
    return read instanceof BatchConfiguration batchConfiguration
        ? batchConfiguration.getIds()
        : List.of();
  }

  /** The instance an item belongs to: retries name jobs and external tasks, the rest instances. */
  private String instanceOf(String batchType, String item) {
    if (Batch.TYPE_SET_JOB_RETRIES.equals(batchType)) {
      Job job = management.createJobQuery().jobId(item).singleResult();
      return job == null || job.getProcessInstanceId() == null ? item : job.getProcessInstanceId();
    }
    if (Batch.TYPE_SET_EXTERNAL_TASK_RETRIES.equals(batchType)) {
      ExternalTask task =
          configuration
              .getExternalTaskService()
              .createExternalTaskQuery()
              .externalTaskId(item)
              .singleResult();
      return task == null ? item : task.getProcessInstanceId();
    }
    return item;
  }
}
