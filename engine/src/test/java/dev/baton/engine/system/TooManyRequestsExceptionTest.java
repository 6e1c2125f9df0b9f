package dev.baton.engine.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TooManyRequestsExceptionTest {

  @Test
  void shouldRoundAWaitUpToWholeSecondsAndNeverBelowOne() {
    // given waits just under, at and just over whole seconds

    // when / then
    assertThat(TooManyRequestsException.secondsToWait(Duration.ZERO)).isEqualTo(1);
    assertThat(TooManyRequestsException.secondsToWait(Duration.ofMillis(1))).isEqualTo(1);
    assertThat(TooManyRequestsException.secondsToWait(Duration.ofMillis(1000))).isEqualTo(1);
    assertThat(TooManyRequestsException.secondsToWait(Duration.ofMillis(1001))).isEqualTo(2);
    assertThat(TooManyRequestsException.secondsToWait(Duration.ofSeconds(30))).isEqualTo(30);
  }

  @Test
  void shouldStateTheSameSecondsInItsRetryAfter() {
    // given
    TooManyRequestsException refused =
        new TooManyRequestsException("Too many wrong passwords", Duration.ofMillis(2001));

    // when
    long seconds = refused.retryAfterSeconds();

    // then
    assertThat(seconds).isEqualTo(3);
  }
}
