package dev.baton.engine.jobs;

import dev.baton.engine.commits.CommitCounts;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultAcquireJobsCommandFactory;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;

/**
 * Camunda's Spring job executor whose jobs share commits ({@link SharedCommitJobs}) when more than
 * one job may run per transaction; with one, it is exactly Camunda's (its acquisition runnable and
 * its {@code ExecuteJobsRunnable}: each job its own transaction).
 */
final class SharedCommitJobExecutor extends SpringJobExecutor {

  private final int jobsPerTransaction;
  private final Duration maxCommitDelay;
  private final CommitCounts stats;

  SharedCommitJobExecutor(int jobsPerTransaction, Duration maxCommitDelay, CommitCounts stats) {
    this.jobsPerTransaction = jobsPerTransaction;
    this.maxCommitDelay = maxCommitDelay;
    this.stats = stats;
  }

  boolean sharesCommits() {
    return jobsPerTransaction > 1;
  }

  @Override
  protected void ensureInitialization() {
    if (!sharesCommits()) {
      super.ensureInitialization();
      return;
    }
    if (acquireJobsCmdFactory == null) {
      acquireJobsCmdFactory = new DefaultAcquireJobsCommandFactory(this);
    }
    acquireJobsRunnable = new GroupingJobAcquisition(this, jobsPerTransaction);
  }

  @Override
  public Runnable getExecuteJobsRunnable(List<String> jobIds, ProcessEngineImpl engine) {
    if (!sharesCommits()) {
      return super.getExecuteJobsRunnable(jobIds, engine);
    }
    return new SharedCommitJobs(jobIds, engine, jobsPerTransaction, maxCommitDelay, stats);
  }
}
