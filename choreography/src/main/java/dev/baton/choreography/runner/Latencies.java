package dev.baton.choreography.runner;

import java.util.Arrays;

/** Percentiles of measured durations, by nearest rank. */
final class Latencies {

  private final long[] sortedNanos;

  Latencies(long[] nanos) {
    this.sortedNanos = nanos.clone();
    Arrays.sort(sortedNanos);
  }

  int count() {
    return sortedNanos.length;
  }

  /** The {@code p}-th percentile (0 < p <= 100) in milliseconds; 0 when nothing was measured. */
  double percentileMillis(double p) {
    if (sortedNanos.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
    return sortedNanos[Math.max(0, Math.min(rank, sortedNanos.length) - 1)] / 1_000_000.0;
  }
}
