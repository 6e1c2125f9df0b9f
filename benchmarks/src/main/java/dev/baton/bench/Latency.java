package dev.baton.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Idle latency of the external shape: one instance every {@link #SPACING_MILLIS} while the workers
 * wait in their long polls; start to end as the engine recorded it (its duration in the history).
 */
final class Latency {

  static final int SPACING_MILLIS = 30;

  private Latency() {}

  /** p50 and p99 in milliseconds over {@code instances} instances after a short warm-up. */
  static double[] measure(Http http, Throughput.WorkerFactory factory, int instances)
      throws Exception {
    try (Workers workers = factory.start()) {
      Thread.sleep(500);
      spaced(http, 20);
      Load.awaitNoneRunning(http, Shape.EXTERNAL.key, 60);
      Instant since = Instant.now();
      spaced(http, instances);
      Load.awaitNoneRunning(http, Shape.EXTERNAL.key, 60);
      List<Double> durations = new ArrayList<>();
      for (JsonNode instance : Load.finishedSince(http, Shape.EXTERNAL.key, since, instances)) {
        durations.add(instance.path("durationInMillis").asDouble());
      }
      Collections.sort(durations);
      return new double[] {Stats.percentile(durations, 50), Stats.percentile(durations, 99)};
    }
  }

  private static void spaced(Http http, int instances) throws Exception {
    for (int i = 0; i < instances; i++) {
      long next = System.nanoTime() + SPACING_MILLIS * 1_000_000L;
      Load.startOne(http, Shape.EXTERNAL.key);
      long wait = next - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
      }
    }
  }
}
