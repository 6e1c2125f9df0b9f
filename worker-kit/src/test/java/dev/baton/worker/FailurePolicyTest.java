package dev.baton.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailurePolicyTest {

  @Test
  void shouldStartFromConfiguredRetriesOnFirstFailure() {
    // given a task the engine has no retry count for yet
    Integer taskRetries = null;

    // when
    int left = FailurePolicy.retriesLeft(taskRetries, 3);

    // then
    assertThat(left).isEqualTo(2);
  }

  @Test
  void shouldCountDownTheTasksRetriesToZero() {
    // given / when / then
    assertThat(FailurePolicy.retriesLeft(2, 3)).isEqualTo(1);
    assertThat(FailurePolicy.retriesLeft(1, 3)).isEqualTo(0);
  }

  @Test
  void shouldNeverGoBelowZero() {
    // given / when / then
    assertThat(FailurePolicy.retriesLeft(0, 3)).isZero();
    assertThat(FailurePolicy.retriesLeft(null, 0)).isZero();
  }

  @Test
  void shouldCutLongStackTraces() {
    // given
    RuntimeException failure = deep(200);

    // when
    String details = FailurePolicy.details(failure);

    // then
    assertThat(details).startsWith(RuntimeException.class.getName() + ": deep");
    assertThat(details.length()).isLessThan(FailurePolicy.MAX_DETAILS + 100);
    assertThat(details).endsWith("(cut at " + FailurePolicy.MAX_DETAILS + " characters)");
  }

  @Test
  void shouldUseTheTypeWhenThereIsNoMessage() {
    // given / when / then
    assertThat(FailurePolicy.message(new IllegalStateException()))
        .isEqualTo("java.lang.IllegalStateException");
  }

  private static RuntimeException deep(int depth) {
    return depth == 0 ? new RuntimeException("deep") : deep(depth - 1);
  }
}
