package dev.baton.engine.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.tuning.LazyFeelEngineFactory.LazyFeelEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

class LazyFeelEngineFactoryTest {

  @Test
  void shouldNotBuildTheEngineUntilItIsFirstUsed() {
    // given
    AtomicInteger built = new AtomicInteger();
    LazyFeelEngine engine = new LazyFeelEngine(() -> counting(built));

    // when nothing is evaluated
    // then nothing is built
    assertThat(engine.isCreated()).isFalse();
    assertThat(built).hasValue(0);

    // when two expressions are evaluated
    engine.evaluateSimpleExpression("a", Variables.emptyVariableContext());
    engine.evaluateSimpleUnaryTests("> 1", "x", Variables.emptyVariableContext());

    // then the engine was built once
    assertThat(engine.isCreated()).isTrue();
    assertThat(built).hasValue(1);
  }

  @Test
  void shouldBuildOnceWhenManyThreadsEvaluateAtFirst() throws Exception {
    // given
    AtomicInteger built = new AtomicInteger();
    LazyFeelEngine engine = new LazyFeelEngine(() -> counting(built));
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Thread thread =
          new Thread(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                engine.evaluateSimpleExpression("a", Variables.emptyVariableContext());
              });
      thread.start();
      threads.add(thread);
    }

    // when they all evaluate at once
    start.countDown();
    for (Thread thread : threads) {
      thread.join();
    }

    // then
    assertThat(built).hasValue(1);
  }

  @Test
  void shouldEvaluateWithCamundasFeelEngine() {
    // given the factory as the engine configures it
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration)
            DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    FeelEngine engine = new LazyFeelEngineFactory(configuration).createInstance();

    // when / then FEEL unary tests are evaluated by the real engine
    assertThat(
            engine.evaluateSimpleUnaryTests(
                "> 100",
                "amount",
                Variables.createVariables().putValue("amount", 250).asVariableContext()))
        .isTrue();
    assertThat(
            engine.evaluateSimpleUnaryTests(
                "> 100",
                "amount",
                Variables.createVariables().putValue("amount", 40).asVariableContext()))
        .isFalse();
  }

  private static FeelEngine counting(AtomicInteger built) {
    built.incrementAndGet();
    return new FeelEngine() {
      @Override
      @SuppressWarnings("unchecked")
      public <T> T evaluateSimpleExpression(
          String expression, org.camunda.bpm.engine.variable.context.VariableContext context) {
        return (T) expression;
      }

      @Override
      public boolean evaluateSimpleUnaryTests(
          String expression,
          String inputVariable,
          org.camunda.bpm.engine.variable.context.VariableContext context) {
        return true;
      }
    };
  }
}
