package dev.baton.engine.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

  @Test
  void shouldDoubleFromOneSecondUpToTenMinutesAndGiveUpAfterTwelveAttempts() {
    // given the default schedule
    RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(1), Duration.ofMinutes(10), 12);

    // when each of twelve attempts fails
    List<Duration> waits = new ArrayList<>();
    for (int attempts = 1; attempts <= 12; attempts++) {
      waits.add(schedule.after(attempts));
    }

    // then it waits 1, 2, 4 ... 512 s, then 10 min, and gives up after the twelfth
    assertThat(waits.subList(0, 10))
        .extracting(Duration::toSeconds)
        .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 512L);
    assertThat(waits.get(10)).isEqualTo(Duration.ofMinutes(10));
    assertThat(waits.get(11)).isNull();
  }

  @Test
  void shouldNeverWaitLongerThanTheMaximumHoweverManyAttempts() {
    // given a schedule allowing very many attempts
    RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(1), Duration.ofMinutes(10), 1000);

    // when the 999th attempt fails
    Duration wait = schedule.after(999);

    // then the wait is the maximum, not an overflow
    assertThat(wait).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void shouldGiveUpAtOnceWhenAnAttemptBeyondTheLimitFails() {
    // given a delivery retried by an operator after its last attempt
    RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(1), Duration.ofMinutes(10), 12);

    // when that extra attempt fails
    Duration wait = schedule.after(13);

    // then it is given up again
    assertThat(wait).isNull();
  }
}
