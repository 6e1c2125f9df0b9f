package dev.baton.engine.jobs;

import dev.baton.engine.commits.CommitCounts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.ProcessEngineLogger;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockJobCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.interceptor.ProcessDataContext;
import org.camunda.bpm.engine.impl.jobexecutor.ExecuteJobHelper;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobListener;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutorContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobFailureCollector;
import org.camunda.bpm.engine.impl.util.ClassLoaderUtil;
import org.camunda.bpm.engine.management.Metrics;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs acquired jobs of several instances with one commit per round: up to {@code
 * jobsPerTransaction} jobs in one transaction, each in its own savepoint. What Camunda guarantees a
 * single job stays (CAMUNDA-NOTES "Several jobs in one transaction"):
 *
 * <ul>
 *   <li>A failing job is rolled back to its savepoint (its exception leaves the savepoint's
 *       callback, so the rollback also lifts the engine's rollback mark); its failure (retries,
 *       incident, failure log) is then recorded in a second savepoint of the same transaction, with
 *       Camunda's own {@link FailedJobListener} and its retries on optimistic locking conflicts.
 *   <li>The other jobs of the transaction commit. If the commit itself fails, no job's work is kept
 *       and each job is unlocked in a transaction of its own, to be acquired again.
 *   <li>An instance's follow-up job, hinted to this thread at the commit, runs in the next round: a
 *       save point is still a commit before the next step starts.
 *   <li>A round commits after {@code jobsPerTransaction} jobs or once {@code maxCommitDelay} has
 *       passed since it began, whichever comes first, so a slow job holds back only a bounded
 *       amount of finished work, far below the lock time.
 * </ul>
 */
final class SharedCommitJobs implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(SharedCommitJobs.class);

  private final List<String> jobIds;
  private final JobExecutor jobExecutor;
  private final ProcessEngineConfigurationImpl configuration;
  private final CommandExecutor commands;
  private final TransactionTemplate round;
  private final TransactionTemplate savepoint;
  private final int jobsPerTransaction;
  private final long maxCommitDelayNanos;
  private final CommitCounts stats;

  SharedCommitJobs(
      List<String> jobIds,
      ProcessEngineImpl engine,
      int jobsPerTransaction,
      Duration maxCommitDelay,
      CommitCounts stats) {
    this.jobIds = List.copyOf(jobIds);
    this.configuration = engine.getProcessEngineConfiguration();
    this.jobExecutor = configuration.getJobExecutor();
    this.commands = configuration.getCommandExecutorTxRequired();
    PlatformTransactionManager transactions =
        ((SpringProcessEngineConfiguration) configuration).getTransactionManager();
    this.round = new TransactionTemplate(transactions);
    this.round.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    this.jobsPerTransaction = jobsPerTransaction;
    this.maxCommitDelayNanos = maxCommitDelay.toNanos();
    this.stats = stats;
  }

  @Override
  public void run() {
    JobExecutorContext context = new JobExecutorContext();
    List<String> queue = context.getCurrentProcessorJobQueue();
    queue.addAll(jobIds);
    Context.setJobExecutorContext(context);
    ClassLoader before = ClassLoaderUtil.switchToProcessEngineClassloader();
    try {
      while (!queue.isEmpty()) {
        if (jobExecutor.isActive()) {
          runRound(queue);
        } else {
          unlock(queue);
          queue.clear();
        }
      }
      // as Camunda's runnable: look again soon, follow-ups may have been hinted elsewhere
      jobExecutor.jobWasAdded();
    } finally {
      Context.removeJobExecutorContext();
      ClassLoaderUtil.setContextClassloader(before);
    }
  }

  private void runRound(List<String> queue) {
    List<String> started = new ArrayList<>();
    long deadline = System.nanoTime() + maxCommitDelayNanos;
    try {
      round.executeWithoutResult(
          status -> {
            do {
              String jobId = queue.remove(0);
              started.add(jobId);
              runJob(jobId);
            } while (!queue.isEmpty()
                && started.size() < jobsPerTransaction
                && System.nanoTime() - deadline < 0
                && jobExecutor.isActive());
          });
      stats.committed(started.size());
    } catch (RuntimeException | Error commitFailed) {
      log.warn(
          "A shared commit of {} jobs failed; none of their work is kept, they are unlocked to run"
              + " again",
          started.size(),
          commitFailed);
      unlock(started);
    }
  }

  private void runJob(String jobId) {
    JobFailureCollector collector = new JobFailureCollector(jobId);
    try {
      savepoint.executeWithoutResult(
          part -> commands.execute(new ExecuteJobsCmd(jobId, collector)));
    } catch (Throwable failure) {
      collector.setFailure(failure);
      if (ProcessEngineLogger.shouldLogJobException(configuration, collector.getJob())) {
        ExecuteJobHelper.LOGGING_HANDLER.exceptionWhileExecutingJob(jobId, failure);
      }
    } finally {
      new ProcessDataContext(configuration).clearMdc();
    }
    if (collector.getFailure() != null) {
      recordFailure(collector);
    } else if (configuration.isMetricsEnabled()) {
      // what Camunda's SuccessfulJobListener does, without a command (and its context) per job
      configuration.getMetricsRegistry().markOccurrence(Metrics.JOB_SUCCESSFUL);
    }
  }

  /** Retries, incident and failure log of a job whose own work was rolled back. */
  private void recordFailure(JobFailureCollector collector) {
    FailedJobListener listener = new FailedJobListener(commands, collector);
    while (true) {
      try {
        savepoint.executeWithoutResult(part -> commands.execute(listener));
        return;
      } catch (OptimisticLockingException conflict) {
        listener.incrementCountRetries();
        if (listener.getRetriesLeft() <= 0) {
          log.warn(
              "The failure of job {} could not be recorded; it runs again when its lock expires",
              collector.getJobId(),
              conflict);
          return;
        }
      } catch (RuntimeException e) {
        log.warn(
            "The failure of job {} could not be recorded; it runs again when its lock expires",
            collector.getJobId(),
            e);
        return;
      } finally {
        new ProcessDataContext(configuration).clearMdc();
      }
    }
  }

  private void unlock(List<String> ids) {
    for (String jobId : ids) {
      try {
        commands.execute(new UnlockJobCmd(jobId));
      } catch (RuntimeException e) {
        log.warn("Job {} could not be unlocked; it runs again when its lock expires", jobId, e);
      }
    }
  }
}
