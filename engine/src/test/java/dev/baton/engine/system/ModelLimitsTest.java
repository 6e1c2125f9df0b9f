package dev.baton.engine.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

/** The run-time bound on timer cycles: a cycle computed from an expression is held too. */
class ModelLimitsTest {

  private final ModelLimits.MinimumCycleCalendar calendar =
      new ModelLimits.MinimumCycleCalendar(Duration.ofSeconds(1));

  @Test
  void shouldRefuseACycleFasterThanTheMinimum() {
    // when / then
    assertThatThrownBy(() -> calendar.resolveDuedate("R/PT0.001S", new Date(), 0L))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("fires every 1 ms")
        .hasMessageContaining("at least 1000 ms");
    assertThatThrownBy(() -> calendar.resolveDuedate("R5/2030-01-01T00:00:00/PT0.5S", null, 0L))
        .isInstanceOf(ProcessEngineException.class);
    assertThatThrownBy(
            () ->
                calendar.resolveDuedate("R/2030-01-01T00:00:00/2030-01-01T00:00:00.100", null, 0L))
        .isInstanceOf(ProcessEngineException.class);
  }

  @Test
  void shouldResolveCyclesAtOrAboveTheMinimumAsTheEngineDoes() {
    // given
    Date start = new Date(1_800_000_000_000L);

    // when / then
    assertThat(calendar.resolveDuedate("R/PT1S", start, 0L))
        .isEqualTo(new Date(start.getTime() + 1000));
    assertThat(calendar.resolveDuedate("R3/PT1H", start, 0L))
        .isEqualTo(new Date(start.getTime() + 3_600_000));
    assertThat(calendar.resolveDuedate("0/5 * * * * ?", start, 0L)).isAfter(start);
  }
}
