package dev.baton.engine.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import dev.baton.engine.system.BatonProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.config.IntervalTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

class WorkerSchedulesTest {

  @Test
  void shouldScheduleFlushAndGaugesAtTheConfiguredIntervals() {
    // given
    BatonProperties properties = new BatonProperties();
    properties.getWorkers().setFlushInterval(Duration.ofSeconds(2));
    properties.getWorkers().setMetricsRefresh(Duration.ofSeconds(30));
    ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();

    // when
    new WorkerSchedules(mock(WorkerRegistry.class), mock(WorkerService.class), properties)
        .configureTasks(registrar);

    // then
    assertThat(registrar.getFixedDelayTaskList())
        .extracting(IntervalTask::getIntervalDuration)
        .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(30));
    assertThat(registrar.getFixedDelayTaskList())
        .extracting(IntervalTask::getInitialDelayDuration)
        .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(30));
  }
}
