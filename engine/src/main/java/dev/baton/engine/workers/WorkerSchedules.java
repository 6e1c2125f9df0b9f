package dev.baton.engine.workers;

import dev.baton.engine.system.BatonProperties;
import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The worker registry's periodic work, at the intervals {@code baton.engine.workers} sets: flushing
 * what this node saw to the registry table, and recomputing the queue and worker gauges.
 */
@Configuration(proxyBeanMethods = false)
class WorkerSchedules implements SchedulingConfigurer {

  private final WorkerRegistry registry;
  private final WorkerService workers;
  private final BatonProperties.Workers settings;

  WorkerSchedules(WorkerRegistry registry, WorkerService workers, BatonProperties properties) {
    this.registry = registry;
    this.workers = workers;
    this.settings = properties.getWorkers();
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar tasks) {
    Duration flush = settings.getFlushInterval();
    Duration refresh = settings.getMetricsRefresh();
    tasks.addFixedDelayTask(new FixedDelayTask(registry::flush, flush, flush));
    tasks.addFixedDelayTask(new FixedDelayTask(workers::refreshMetrics, refresh, refresh));
  }
}
