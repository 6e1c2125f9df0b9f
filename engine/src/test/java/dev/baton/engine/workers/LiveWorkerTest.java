package dev.baton.engine.workers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.workers.LiveWorker.Outcome;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LiveWorkerTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void shouldHandOverCountsOnceAndThenNothing() {
    // given
    LiveWorker worker = new LiveWorker("w", T0);
    worker.polled(Set.of("shipping"), 20_000, "10.0.0.1", T0.plusSeconds(1));
    worker.count(Outcome.FETCHED, 3);
    worker.count(Outcome.COMPLETED, 2);
    worker.count(Outcome.BPMN_ERROR, 1);

    // when
    WorkerActivity first = worker.drain();
    WorkerActivity second = worker.drain();

    // then
    assertThat(first.fetched()).isEqualTo(3);
    assertThat(first.completed()).isEqualTo(2);
    assertThat(first.bpmnErrors()).isEqualTo(1);
    assertThat(first.lastSeen()).isEqualTo(T0.plusSeconds(1));
    assertThat(first.topics()).containsExactly("shipping");
    assertThat(second).isNull();
  }

  @Test
  void shouldKeepCountsWhoseFlushFailed() {
    // given
    LiveWorker worker = new LiveWorker("w", T0);
    worker.count(Outcome.FAILED, 1);
    WorkerActivity failedFlush = worker.drain();
    worker.count(Outcome.FAILED, 1);

    // when
    worker.restore(failedFlush);

    // then
    assertThat(worker.drain().failed()).isEqualTo(2);
  }

  @Test
  void shouldNeverMoveLastSeenBackwards() {
    LiveWorker worker = new LiveWorker("w", T0);
    worker.seen(T0.plusSeconds(10));
    worker.seen(T0.plusSeconds(5));

    assertThat(worker.pending().lastSeen()).isEqualTo(T0.plusSeconds(10));
  }
}
