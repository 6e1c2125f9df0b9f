package dev.baton.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Completed instances per second of one shape, over a warm-up and several measured rounds. */
final class Throughput {

  /** What completes the instances of an external shape while a round runs. */
  interface WorkerFactory {
    Workers start() throws Exception;
  }

  private Throughput() {}

  /**
   * Synchronous shape: the instance ends inside its start call, so the rate is starts per second of
   * wall time on the caller's side.
   */
  static Stats sync(Http http, int instances, int rounds) throws Exception {
    Load.start(http, Shape.SYNC.key, Math.max(100, instances / 4));
    List<Double> rates = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      Instant since = Instant.now();
      long started = System.nanoTime();
      Load.start(http, Shape.SYNC.key, instances);
      double seconds = (System.nanoTime() - started) / 1e9;
      Load.finishedSince(http, Shape.SYNC.key, since, instances);
      rates.add(instances / seconds);
      report("sync", round, instances / seconds);
    }
    return Stats.of(rates);
  }

  /**
   * Save points or external tasks: first start to last end as the engine recorded them. Workers (if
   * any) are started before the round and stopped after it.
   */
  static Stats untilEnd(Http http, Shape shape, int instances, int rounds, WorkerFactory workers)
      throws Exception {
    round(http, shape, Math.max(100, instances / 4), workers);
    List<Double> rates = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      double rate = round(http, shape, instances, workers);
      rates.add(rate);
      report(shape.key, round, rate);
    }
    return Stats.of(rates);
  }

  private static double round(Http http, Shape shape, int instances, WorkerFactory factory)
      throws Exception {
    try (Workers workers = factory == null ? null : factory.start()) {
      Instant since = Instant.now();
      Load.start(http, shape.key, instances);
      Load.awaitNoneRunning(http, shape.key, 600);
      List<JsonNode> finished = Load.finishedSince(http, shape.key, since, instances);
      return Load.throughput(finished);
    }
  }

  private static void report(String scenario, int round, double rate) {
    System.out.printf("    %s round %d: %.0f instances/s%n", scenario, round + 1, rate);
  }
}
