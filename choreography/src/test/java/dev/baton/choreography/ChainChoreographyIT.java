package dev.baton.choreography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.choreography.runner.OrderRunner;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The generic chain of N no-op steps, run and measured by the runner as the comparison runs it. */
class ChainChoreographyIT {

  private Choreography services;
  private EventLog events;

  @AfterEach
  void stop() {
    if (events != null) {
      events.close();
    }
    if (services != null) {
      services.closeAndDelete();
    }
  }

  @Test
  void shouldRunEveryOrderThroughTenStepsInOrder() throws Exception {
    // given
    Settings settings =
        TestSettings.of(
            "http://127.0.0.1:9/unused",
            "--flow=chain",
            "--steps=10",
            "--orders=20",
            "--timeout=20s");
    services = Choreography.start(settings);
    events = new EventLog(services.bus(), List.of("step.*.done"));

    // when
    OrderRunner.Result result = OrderRunner.run(settings);

    // then
    assertThat(result.placed()).isEqualTo(20);
    assertThat(result.ends()).isEqualTo(Map.of("step.10.done", 20));
    assertThat(result.stuck()).isZero();
    assertThat(result.perSecond()).isPositive();
    assertThat(result.p99Millis()).isGreaterThanOrEqualTo(result.p50Millis()).isPositive();
    List<String> expected = IntStream.rangeClosed(1, 10).mapToObj(Topics::stepDone).toList();
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              assertThat(events.orderIds()).hasSize(20);
              events.orderIds().forEach(id -> assertThat(events.typesFor(id)).hasSize(10));
            });
    for (String orderId : events.orderIds()) {
      assertThat(events.typesFor(orderId)).containsExactlyElementsOf(expected);
      assertThat(services.host("step-7").state().find(orderId))
          .get()
          .extracting(ServiceState.OrderState::status)
          .isEqualTo("DONE");
    }
  }

  @Test
  void shouldLeaveTheInjectedFractionStuckAtTheFailingStep() throws Exception {
    // given: step 2 of 3 fails for 30 % of orders
    Settings settings =
        TestSettings.of(
            "http://127.0.0.1:9/unused",
            "--flow=chain",
            "--steps=3",
            "--orders=100",
            "--fail-step=2",
            "--fail-fraction=0.3",
            "--timeout=3s");
    services = Choreography.start(settings);

    // when
    OrderRunner.Result result = OrderRunner.run(settings);

    // then
    assertThat(result.stuck()).isBetween(15, 45);
    assertThat(result.ends().get("step.3.done")).isEqualTo(100 - result.stuck());
    for (String stuck : result.stuckOrders()) {
      assertThat(services.host("step-1").state().find(stuck))
          .map(ServiceState.OrderState::status)
          .hasValue("DONE");
      assertThat(services.host("step-2").state().find(stuck))
          .map(ServiceState.OrderState::status)
          .hasValue("FAILED");
      assertThat(services.host("step-3").state().find(stuck)).isEmpty();
    }
  }
}
