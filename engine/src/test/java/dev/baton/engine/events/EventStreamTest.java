package dev.baton.engine.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.engine.system.BatonProperties;
import dev.baton.engine.system.TooManyRequestsException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The stream's bounds: subscribers at once, and a slow subscriber dropped, never waited for. */
class EventStreamTest {

  @Test
  void shouldRefuseASubscriberBeyondTheLimitUntilOneLeaves() {
    // given a stream for one subscriber, taken
    BatonProperties.Events.Stream settings = new BatonProperties.Events.Stream();
    settings.setMaxSubscribers(1);
    try (EventStream stream = new EventStream(settings)) {
      SseEmitter first = stream.subscribe(null, null);

      // when / then a second is refused with 429
      assertThatThrownBy(() -> stream.subscribe("order", null))
          .isInstanceOf(TooManyRequestsException.class)
          .hasMessageContaining("1");
      assertThat(stream.subscribers()).isEqualTo(1);

      // and once the first has gone (found when the next event is written), there is room again
      first.complete();
      stream.publish(List.of(CommittedEventsTest.event("e1")));
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(5))
          .until(() -> stream.subscribers() == 0);
      assertThat(stream.subscribe("order", null)).isNotNull();
      assertThat(stream.subscribers()).isEqualTo(1);
    }
  }

  @Test
  void shouldDropASubscriberThatFallsBehindWithoutWaitingForIt() {
    // given a subscriber whose writer never gets to run (its connection is stuck)
    List<Runnable> stuck = new ArrayList<>();
    Executor never = stuck::add;
    List<EventSubscriber> dropped = new ArrayList<>();
    EventSubscriber slow =
        new EventSubscriber(new SseEmitter(), null, null, 3, never, dropped::add);

    // when more events come than its queue holds
    long began = System.nanoTime();
    for (int i = 0; i < 10; i++) {
      slow.offer(new LiveEvent(CommittedEventsTest.event("e" + i)));
    }

    // then offering never waited, and the subscriber was dropped once; its write and the end of
    // its connection are left to writer threads, never done on the committing thread
    assertThat(System.nanoTime() - began).isLessThan(1_000_000_000L);
    assertThat(slow.closed()).isTrue();
    assertThat(dropped).containsExactly(slow);
    assertThat(stuck).hasSize(2);
  }

  @Test
  void shouldOfferEachSubscriberOnlyTheEventsItsFiltersAsk() {
    // given
    EventSubscriber ofInstance =
        new EventSubscriber(new SseEmitter(), null, "instance-1", 10, Runnable::run, s -> {});
    EventSubscriber ofOtherProcess =
        new EventSubscriber(new SseEmitter(), "invoice", null, 10, Runnable::run, s -> {});
    EventSubscriber ofAll = new EventSubscriber(new SseEmitter(), null, null, 10, r -> {}, s -> {});
    OutboxEvent event = CommittedEventsTest.event("e1");

    // then
    assertThat(ofInstance.wants(event)).isTrue();
    assertThat(ofOtherProcess.wants(event)).isFalse();
    assertThat(ofAll.wants(event)).isTrue();
  }

  @Test
  void shouldWriteTheSameJsonAsTheAmqpMessageBody() throws Exception {
    // given
    OutboxEvent event = CommittedEventsTest.event("e1");

    // when
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(EventJson.of(event));

    // then the AMQP body's fields (the sequence is the outbox's, not known before publishing)
    assertThat(json.path("eventId").asText()).isEqualTo("e1");
    assertThat(json.path("type").asText()).isEqualTo("step.completed");
    assertThat(json.path("processDefinitionKey").asText()).isEqualTo("order");
    assertThat(json.path("processInstanceId").asText()).isEqualTo("instance-1");
    assertThat(json.path("businessKey").asText()).isEqualTo("order-1");
    assertThat(json.path("activityId").asText()).isEqualTo("step");
    assertThat(json.path("occurredAt").asText()).isEqualTo("2026-12-02T12:00:00Z");
    assertThat(json.path("data").path("activityType").asText()).isEqualTo("serviceTask");
    assertThat(json.has("sequence")).isFalse();
  }
}
