package dev.baton.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.system.BatonProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private final MovableClock clock = new MovableClock();
  private final LoginThrottle throttle = new LoginThrottle(properties(), clock);

  @Test
  void shouldRefuseAnAddressAfterFiveFailuresForThirtySeconds() {
    // given
    failTimes(4, "10.0.0.1", "alice");
    assertThat(throttle.retryAfter("10.0.0.1", "alice")).isZero();

    // when
    throttle.failed("10.0.0.1", "alice");

    // then
    assertThat(throttle.retryAfter("10.0.0.1", "someone-else")).isEqualTo(Duration.ofSeconds(30));
    clock.advance(Duration.ofSeconds(30));
    assertThat(throttle.retryAfter("10.0.0.1", "alice")).isZero();
  }

  @Test
  void shouldRefuseAUserNameFromEveryAddress() {
    // given one guess each from five addresses
    for (int i = 0; i < 5; i++) {
      throttle.failed("10.0.0." + i, "Alice");
    }

    // when / then: the name is held, whatever its case; a fresh address for another name is not
    assertThat(throttle.retryAfter("10.9.9.9", "alice")).isEqualTo(Duration.ofSeconds(30));
    assertThat(throttle.retryAfter("10.9.9.9", "bob")).isZero();
  }

  @Test
  void shouldDoubleTheBackOffWithEachFurtherFailureUpToTheMaximum() {
    // given
    failTimes(5, "10.0.0.1", "alice");

    // when each refusal is waited out and followed by another failure
    Duration[] waits = new Duration[8];
    for (int i = 0; i < waits.length; i++) {
      clock.advance(throttle.retryAfter("10.0.0.1", "alice"));
      throttle.failed("10.0.0.1", "alice");
      waits[i] = throttle.retryAfter("10.0.0.1", "alice");
    }

    // then
    assertThat(waits)
        .containsExactly(
            Duration.ofSeconds(60),
            Duration.ofSeconds(120),
            Duration.ofSeconds(240),
            Duration.ofSeconds(480),
            Duration.ofMinutes(15),
            Duration.ofMinutes(15),
            Duration.ofMinutes(15),
            Duration.ofMinutes(15));
  }

  @Test
  void shouldForgetFailuresAfterSuccessOrAQuietWindow() {
    // given
    failTimes(4, "10.0.0.1", "alice");

    // when
    throttle.succeeded("10.0.0.1", "alice");
    throttle.failed("10.0.0.1", "alice");

    // then the count started again
    assertThat(throttle.retryAfter("10.0.0.1", "alice")).isZero();

    // and when four more come after fifteen quiet minutes, the limit is not reached either
    clock.advance(Duration.ofMinutes(16));
    failTimes(4, "10.0.0.1", "alice");
    assertThat(throttle.retryAfter("10.0.0.1", "alice")).isZero();
  }

  private void failTimes(int times, String address, String user) {
    for (int i = 0; i < times; i++) {
      throttle.failed(address, user);
    }
  }

  private static BatonProperties properties() {
    // the defaults: 5 failures, 30 s doubling to 15 min, forgotten after 15 quiet minutes
    return new BatonProperties();
  }
}
