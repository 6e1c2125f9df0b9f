package dev.baton.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.security.AuthorizationDecisions.Question;
import dev.baton.engine.security.AuthorizationDecisions.Target;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthorizationDecisionsTest {

  private final MovableClock clock = new MovableClock();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @Test
  void shouldAnswerFromMemoryUntilTheCacheTimeEnds() {
    // given
    AuthorizationDecisions decisions = decisions(Duration.ofSeconds(5));
    decisions.remember(updateInstances("worker"), true, decisions.stamp(updateInstances("worker")));

    // when / then
    assertThat(decisions.answer(updateInstances("worker"))).isTrue();
    clock.advance(Duration.ofMillis(4_999));
    assertThat(decisions.answer(updateInstances("worker"))).isTrue();
    clock.advance(Duration.ofMillis(1));
    assertThat(decisions.answer(updateInstances("worker"))).isNull();
    assertThat(count("hit")).isEqualTo(2);
    assertThat(count("miss")).isEqualTo(1);
  }

  @Test
  void shouldRememberRefusalsAndNeverAnswerAnotherQuestion() {
    // given
    AuthorizationDecisions decisions = decisions(Duration.ofSeconds(5));
    decisions.remember(
        updateInstances("analyst"), false, decisions.stamp(updateInstances("analyst")));

    // when / then
    assertThat(decisions.answer(updateInstances("analyst"))).isFalse();
    assertThat(decisions.answer(updateInstances("worker"))).isNull();
    assertThat(
            decisions.answer(
                new Question("u-analyst", List.of("analyst", "operator"), 8, "X", order())))
        .isNull();
    assertThat(
            decisions.answer(
                new Question("u-analyst", List.of("analyst"), 8, "X", new Target(6, "other"))))
        .isNull();
  }

  @Test
  void shouldForgetAnswersAboutTheResourceWhoseAuthorizationsChanged() {
    // given
    AuthorizationDecisions decisions = decisions(Duration.ofSeconds(5));
    Question other = new Question("u-worker", List.of("worker"), 8, "X", new Target(6, "other"));
    remember(decisions, updateInstances("worker"), true);
    remember(decisions, other, true);

    // when
    decisions.forget(order());

    // then
    assertThat(decisions.answer(updateInstances("worker"))).isNull();
    assertThat(decisions.answer(other)).isTrue();
  }

  @Test
  void shouldForgetEveryAnswerAboutAResourceTypeWhenAGrantOnAllOfItChanges() {
    // given
    AuthorizationDecisions decisions = decisions(Duration.ofSeconds(5));
    Question instance = new Question("u-worker", List.of("worker"), 2, "X", new Target(8, "i-1"));
    remember(decisions, updateInstances("worker"), true);
    remember(decisions, instance, true);

    // when
    decisions.forget(new Target(6, "*"));

    // then
    assertThat(decisions.answer(updateInstances("worker"))).isNull();
    assertThat(decisions.answer(instance)).isTrue();
  }

  @Test
  void shouldForgetEverythingOnRequest() {
    // given
    AuthorizationDecisions decisions = decisions(Duration.ofSeconds(5));
    remember(decisions, updateInstances("worker"), true);

    // when
    decisions.forgetAll();

    // then
    assertThat(decisions.answer(updateInstances("worker"))).isNull();
  }

  @Test
  void shouldNotRememberAnAnswerReadBeforeAChange() {
    // given an answer read from the engine, then a change of authorizations before it is stored
    AuthorizationDecisions decisions = decisions(Duration.ofSeconds(5));
    AuthorizationDecisions.Stamp readAt = decisions.stamp(updateInstances("worker"));
    decisions.forget(order());

    // when
    decisions.remember(updateInstances("worker"), true, readAt);

    // then
    assertThat(decisions.answer(updateInstances("worker"))).isNull();
  }

  @Test
  void shouldBeOffAtZero() {
    assertThat(decisions(Duration.ZERO).enabled()).isFalse();
    assertThat(decisions(Duration.ofMillis(1)).enabled()).isTrue();
  }

  private static void remember(AuthorizationDecisions decisions, Question question, boolean yes) {
    decisions.remember(question, yes, decisions.stamp(question));
  }

  private static Target order() {
    return new Target(6, "order");
  }

  private AuthorizationDecisions decisions(Duration time) {
    return new AuthorizationDecisions(time, clock, meters);
  }

  private double count(String outcome) {
    return meters.counter("baton.authorization.decisions", "outcome", outcome).count();
  }

  private static Question updateInstances(String group) {
    return new Question("u-" + group, List.of(group), 8, "UPDATE_INSTANCE", order());
  }
}
