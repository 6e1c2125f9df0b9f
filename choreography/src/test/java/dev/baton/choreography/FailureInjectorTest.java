package dev.baton.choreography;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FailureInjectorTest {

  @Test
  void shouldFailAboutTheGivenFractionOfOrdersOnlyAtTheGivenStep() {
    // given
    FailureInjector injector = new FailureInjector(2, 0.3);

    // when
    long atStep2 =
        IntStream.range(0, 10_000).filter(i -> injector.failsAt(2, "ord-run-" + i)).count();
    long atStep3 =
        IntStream.range(0, 10_000).filter(i -> injector.failsAt(3, "ord-run-" + i)).count();

    // then
    assertThat(atStep2).isBetween(2_800L, 3_200L);
    assertThat(atStep3).isZero();
  }

  @Test
  void shouldPickTheSameOrdersEveryTime() {
    FailureInjector injector = new FailureInjector(1, 0.5);
    for (int i = 0; i < 100; i++) {
      assertThat(injector.failsAt(1, "o-" + i)).isEqualTo(injector.failsAt(1, "o-" + i));
    }
  }

  @Test
  void shouldNeverFailWhenOff() {
    assertThat(new FailureInjector(0, 1).failsAt(0, "o-1")).isFalse();
    assertThat(new FailureInjector(2, 0).failsAt(2, "o-1")).isFalse();
  }
}
