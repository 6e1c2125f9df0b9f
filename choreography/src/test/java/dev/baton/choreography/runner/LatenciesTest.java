package dev.baton.choreography.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatenciesTest {

  @Test
  void shouldTakePercentilesByNearestRankInMilliseconds() {
    // given: 1 ms … 100 ms, shuffled order does not matter
    long[] nanos = LongStream.rangeClosed(1, 100).map(ms -> (101 - ms) * 1_000_000).toArray();

    // when
    Latencies latencies = new Latencies(nanos);

    // then
    assertThat(latencies.percentileMillis(50)).isEqualTo(50.0);
    assertThat(latencies.percentileMillis(99)).isEqualTo(99.0);
    assertThat(latencies.percentileMillis(100)).isEqualTo(100.0);
  }

  @Test
  void shouldAnswerZeroWhenNothingWasMeasured() {
    assertThat(new Latencies(new long[0]).percentileMillis(99)).isZero();
  }
}
