package dev.baton.engine.jobs;

import dev.baton.engine.commits.CommitCounts;
import dev.baton.engine.system.BatonProperties;
import java.util.Optional;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.NotifyAcquisitionRejectedJobsHandler;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;

/**
 * The engine's job executor: Camunda's, configured by {@code camunda.bpm.job-execution.*} as the
 * starter would, with jobs of several instances sharing commits ({@code baton.engine.jobs}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(
    prefix = "camunda.bpm.job-execution",
    name = "enabled",
    havingValue = "true",
    matchIfMissing = true)
class JobsConfiguration {

  @Bean
  static CommitCounts jobCommits() {
    return new CommitCounts("baton.jobs", "jobs");
  }

  /** Takes the place of the starter's {@code jobExecutor} (it backs off for any JobExecutor). */
  @Bean
  static JobExecutor jobExecutor(
      @Qualifier("camundaTaskExecutor") TaskExecutor taskExecutor,
      CamundaBpmProperties camunda,
      BatonProperties baton,
      CommitCounts jobCommits) {
    BatonProperties.Jobs jobs = baton.getJobs();
    SharedCommitJobExecutor executor =
        new SharedCommitJobExecutor(jobs.getPerTransaction(), jobs.getMaxCommitDelay(), jobCommits);
    executor.setTaskExecutor(taskExecutor);
    executor.setRejectedJobsHandler(new NotifyAcquisitionRejectedJobsHandler());
    JobExecutionProperty settings = camunda.getJobExecution();
    Optional.ofNullable(settings.getLockTimeInMillis()).ifPresent(executor::setLockTimeInMillis);
    Optional.ofNullable(settings.getMaxJobsPerAcquisition())
        .ifPresent(executor::setMaxJobsPerAcquisition);
    Optional.ofNullable(settings.getWaitTimeInMillis()).ifPresent(executor::setWaitTimeInMillis);
    Optional.ofNullable(settings.getMaxWait()).ifPresent(executor::setMaxWait);
    Optional.ofNullable(settings.getBackoffTimeInMillis())
        .ifPresent(executor::setBackoffTimeInMillis);
    Optional.ofNullable(settings.getMaxBackoff()).ifPresent(executor::setMaxBackoff);
    Optional.ofNullable(settings.getBackoffDecreaseThreshold())
        .ifPresent(executor::setBackoffDecreaseThreshold);
    Optional.ofNullable(settings.getWaitIncreaseFactor())
        .ifPresent(executor::setWaitIncreaseFactor);
    if (executor.sharesCommits()) {
      // one acquisition fills at least one shared transaction
      executor.setMaxJobsPerAcquisition(
          Math.max(executor.getMaxJobsPerAcquisition(), jobs.getPerTransaction()));
    }
    return executor;
  }
}
