package dev.baton.choreography.runner;

import dev.baton.choreography.Bus;
import dev.baton.choreography.Event;
import dev.baton.choreography.FailureInjector;
import dev.baton.choreography.Settings;
import dev.baton.choreography.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;

/**
 * Places {@code orders} orders on the exchange and waits, on its own queue bound to the flow's end
 * events, until each order ended or {@code timeout} passed. Latency runs from just before an
 * order's {@code order.placed} is published to the arrival of its end event here.
 */
public final class OrderRunner {

  private static final int PUBLISHERS = 4;

  /**
   * What a run measured.
   *
   * @param ends how many orders ended with each end event
   * @param stuck orders that had not ended at the timeout
   * @param perSecond ended orders per second, first publish to last end
   */
  public record Result(
      int placed,
      Map<String, Integer> ends,
      int stuck,
      List<String> stuckOrders,
      double perSecond,
      double p50Millis,
      double p99Millis,
      Duration elapsed) {

    /** The report the command prints. */
    public String describe() {
      return String.format(
          "orders placed: %d%nended: %s, stuck: %d%nthroughput: %.1f orders/s over %.2f s"
              + "%nend-to-end latency: p50 %.1f ms, p99 %.1f ms",
          placed, ends, stuck, perSecond, elapsed.toMillis() / 1000.0, p50Millis, p99Millis);
    }
  }

  /** The end events of the flow {@code flow} names. */
  public static List<String> endEvents(Settings settings) {
    return settings.text("flow").equals("chain")
        ? List.of(Topics.stepDone(settings.integer("steps")))
        : Topics.ORDER_ENDS;
  }

  /** Places the orders and waits for their ends (the services run elsewhere or in this JVM). */
  public static Result run(Settings settings) throws InterruptedException {
    int count = settings.integer("orders");
    String run = "ord-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Long> placedAt = new ConcurrentHashMap<>();
    Map<String, Long> endedAt = new ConcurrentHashMap<>();
    Map<String, String> endType = new ConcurrentHashMap<>();
    CountDownLatch allEnded = new CountDownLatch(count);
    try (Bus bus = Bus.connect(settings)) {
      String queue = bus.declarePrivateQueue(endEvents(settings));
      SimpleMessageListenerContainer listener =
          bus.consumeAutoAck(
              queue,
              message -> {
                long now = System.nanoTime();
                Event end;
                try {
                  end = Event.fromJson(message.getBody());
                } catch (IllegalArgumentException notAnEvent) {
                  return; // not ours to judge; acked and dropped
                }
                // at least once: a repeated end event is not a second end
                if (end.orderId().startsWith(run + "-")
                    && endedAt.putIfAbsent(end.orderId(), now) == null) {
                  endType.put(end.orderId(), end.type());
                  allEnded.countDown();
                }
              });
      long started = System.nanoTime();
      place(bus, settings, run, count, placedAt);
      allEnded.await(settings.duration("timeout").toMillis(), TimeUnit.MILLISECONDS);
      listener.stop();
      return summarize(Map.copyOf(placedAt), Map.copyOf(endedAt), Map.copyOf(endType), started);
    }
  }

  private static void place(
      Bus bus, Settings settings, String run, int count, Map<String, Long> placedAt)
      throws InterruptedException {
    ExecutorService publishers = Executors.newFixedThreadPool(PUBLISHERS);
    try {
      List<Future<?>> sent = new ArrayList<>();
      for (int i = 1; i <= count; i++) {
        String orderId = run + "-" + i;
        Event placed = Event.placed(orderId, order(settings, orderId));
        sent.add(
            publishers.submit(
                () -> {
                  placedAt.put(orderId, System.nanoTime());
                  bus.publish(placed);
                }));
      }
      for (Future<?> future : sent) {
        future.get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("Placing an order failed", e.getCause());
    } finally {
      publishers.shutdown();
    }
  }

  /** An order as the orchestrated twin's instances get it; a fraction over the payment limit. */
  static Map<String, Object> order(Settings settings, String orderId) {
    // salted, so the declined orders are not the ones a fail-step picks
    boolean declined =
        FailureInjector.chosen(orderId + "#decline", settings.fraction("decline-fraction"));
    Map<String, Object> order = new LinkedHashMap<>();
    order.put("orderId", orderId);
    order.put(
        "amount", Integer.parseInt(settings.text(declined ? "declined-amount" : "amount").trim()));
    order.put("country", settings.text("country"));
    order.put("items", List.of(Map.of("sku", "SKU-1", "quantity", 1)));
    return order;
  }

  private static Result summarize(
      Map<String, Long> placedAt,
      Map<String, Long> endedAt,
      Map<String, String> endType,
      long started) {
    long last = started;
    long[] latencies = new long[endedAt.size()];
    int i = 0;
    for (Map.Entry<String, Long> end : endedAt.entrySet()) {
      long at = end.getValue();
      last = Math.max(last, at);
      latencies[i++] = at - placedAt.getOrDefault(end.getKey(), started);
    }
    Map<String, Integer> ends = new TreeMap<>();
    endType.values().forEach(type -> ends.merge(type, 1, Integer::sum));
    List<String> stuck =
        placedAt.keySet().stream().filter(id -> !endedAt.containsKey(id)).sorted().toList();
    Duration elapsed = Duration.ofNanos(last - started);
    double seconds = Math.max(elapsed.toNanos(), 1) / 1e9;
    Latencies measured = new Latencies(latencies);
    return new Result(
        placedAt.size(),
        ends,
        stuck.size(),
        stuck,
        endedAt.size() / seconds,
        measured.percentileMillis(50),
        measured.percentileMillis(99),
        elapsed);
  }
}
