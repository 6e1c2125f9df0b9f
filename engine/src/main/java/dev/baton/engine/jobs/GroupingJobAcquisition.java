package dev.baton.engine.jobs;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.JobAcquisitionContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.SequentialJobAcquisitionRunnable;

/**
 * Camunda's acquisition loop (locks, back-off, idle waits and rejections unchanged), handing the
 * jobs of one acquisition to the executor in groups that share a transaction ({@link JobGroups})
 * instead of one runnable per instance.
 */
final class GroupingJobAcquisition extends SequentialJobAcquisitionRunnable {

  private final int jobsPerTransaction;

  GroupingJobAcquisition(JobExecutor jobExecutor, int jobsPerTransaction) {
    super(jobExecutor);
    this.jobsPerTransaction = jobsPerTransaction;
  }

  @Override
  protected void executeJobs(
      JobAcquisitionContext context, ProcessEngineImpl engine, AcquiredJobs acquiredJobs) {
    List<List<String>> batches = new ArrayList<>();
    List<List<String>> rejectedBefore = context.getAdditionalJobsByEngine().get(engine.getName());
    if (rejectedBefore != null) {
      batches.addAll(rejectedBefore);
    }
    batches.addAll(acquiredJobs.getJobIdBatches());
    for (List<String> group : JobGroups.of(batches, jobsPerTransaction)) {
      LOG.executeJobs(engine.getName(), group);
      jobExecutor.executeJobs(group, engine);
    }
  }
}
