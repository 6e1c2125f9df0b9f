package dev.baton.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Starting instances over Camunda's REST API and reading back what the engine recorded. */
final class Load {

  /** Concurrent callers that start instances. */
  static final int CALLERS = 8;

  private static final DateTimeFormatter ENGINE_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

  private Load() {}

  /** Starts {@code count} instances of {@code key} from {@link #CALLERS} threads; waits for all. */
  static void start(Http http, String key, int count) throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
    try {
      AtomicInteger left = new AtomicInteger(count);
      List<Future<?>> futures = new ArrayList<>();
      for (int c = 0; c < CALLERS; c++) {
        futures.add(
            callers.submit(
                () -> {
                  while (left.getAndDecrement() > 0) {
                    startOne(http, key);
                  }
                  return null;
                }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      callers.shutdownNow();
    }
  }

  static String startOne(Http http, String key) throws Exception {
    return http.post("/engine-rest/process-definition/key/" + key + "/start", Map.of())
        .path("id")
        .asText();
  }

  /** Waits until no instance of {@code key} is running; fails after {@code timeoutSeconds}. */
  static void awaitNoneRunning(Http http, String key, int timeoutSeconds) throws Exception {
    long deadline = System.currentTimeMillis() + timeoutSeconds * 1000L;
    while (http.get("/engine-rest/process-instance/count?processDefinitionKey=" + key)
            .path("count")
            .asLong()
        > 0) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException(
            key + " instances still running after " + timeoutSeconds + " s");
      }
      Thread.sleep(50);
    }
  }

  /**
   * The finished instances of {@code key} started at or after {@code since}, as the engine saw
   * them.
   */
  static List<JsonNode> finishedSince(Http http, String key, Instant since, int expected)
      throws Exception {
    String query =
        "/engine-rest/history/process-instance?processDefinitionKey=%s&finished=true&startedAfter=%s&maxResults=%d"
            .formatted(key, encode(ENGINE_DATE.format(since.minusMillis(1))), expected + 10);
    List<JsonNode> instances = new ArrayList<>();
    http.get(query).forEach(instances::add);
    if (instances.size() != expected) {
      throw new IllegalStateException(
          "expected "
              + expected
              + " finished "
              + key
              + " instances, the history has "
              + instances.size());
    }
    return instances;
  }

  /** Instances per second from the first start to the last end the engine recorded. */
  static double throughput(List<JsonNode> instances) {
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (JsonNode instance : instances) {
      first = Math.min(first, parse(instance.path("startTime").asText()));
      last = Math.max(last, parse(instance.path("endTime").asText()));
    }
    return instances.size() * 1000.0 / Math.max(1, last - first);
  }

  static long parse(String engineDate) {
    return java.time.OffsetDateTime.parse(
            engineDate, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"))
        .toInstant()
        .toEpochMilli();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
