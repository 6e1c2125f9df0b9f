package dev.baton.engine.reliability;

import dev.baton.engine.BatonProcess;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Callers starting orders on Baton nodes, as a load balancer would spread them: each caller keeps
 * to its own node while that node runs and fails over to a live one when it dies. Only a {@code 201
 * Created} counts as acknowledged; a refused or failed start is retried after a short pause.
 */
final class OrderLoad implements AutoCloseable {

  private static final long PAUSE_AFTER_FAILURE_MILLIS = 200;

  private final List<BatonProcess> nodes;
  private final int limit;
  private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
  private final AtomicInteger claimed = new AtomicInteger();
  private final AtomicInteger attempted = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final ExecutorService callers;
  private volatile boolean stopping;

  private OrderLoad(List<BatonProcess> nodes, int callers, int limit) {
    this.nodes = nodes;
    this.limit = limit;
    this.callers = Executors.newFixedThreadPool(callers);
    for (int c = 0; c < callers; c++) {
      int caller = c;
      this.callers.submit(() -> keepStarting(caller));
    }
  }

  /** Starts {@code callers} threads that start orders until {@code limit} are acknowledged. */
  static OrderLoad start(List<BatonProcess> nodes, int callers, int limit) {
    return new OrderLoad(List.copyOf(nodes), callers, limit);
  }

  /** The ids of the instances whose start was acknowledged so far. */
  List<String> acknowledged() {
    return List.copyOf(acknowledged);
  }

  int acknowledgedCount() {
    return acknowledged.size();
  }

  int attempted() {
    return attempted.get();
  }

  /** Starts that got no 201: refused connections, 5xx, timeouts. */
  int failed() {
    return failed.get();
  }

  /** Whether every caller has stopped: the limit is reached, or no node is left. */
  boolean isDone() {
    return callers.isTerminated();
  }

  /** Stops the callers and waits for them; returns whether they all ended in time. */
  boolean stop(long seconds) throws InterruptedException {
    stopping = true;
    callers.shutdown();
    return callers.awaitTermination(seconds, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    stop(60);
  }

  private void keepStarting(int caller) {
    for (int i = 0; !stopping; i++) {
      BatonProcess node = liveNode(caller);
      if (node == null || claimed.incrementAndGet() > limit) {
        break;
      }
      attempted.incrementAndGet();
      String id = tryStart(node, "load-" + caller + "-" + i);
      if (id != null) {
        acknowledged.add(id);
      } else {
        claimed.decrementAndGet();
        failed.incrementAndGet();
        pause();
      }
    }
    callers.shutdown();
  }

  private BatonProcess liveNode(int caller) {
    for (int n = 0; n < nodes.size(); n++) {
      BatonProcess node = nodes.get((caller + n) % nodes.size());
      if (node.isAlive()) {
        return node;
      }
    }
    return null;
  }

  private static String tryStart(BatonProcess node, String businessKey) {
    try {
      Response response =
          node.asDemo()
              .contentType(ContentType.JSON)
              .body(
                  Map.of(
                      "businessKey",
                      businessKey,
                      "variables",
                      Map.of("orderId", businessKey, "amount", 10)))
              .post("/api/processes/order-fulfillment/instances");
      return response.statusCode() == 201 ? response.path("id") : null;
    } catch (Exception connectionGone) {
      // RestAssured rethrows checked I/O exceptions such as ConnectException undeclared
      return null;
    }
  }

  private static void pause() {
    try {
      Thread.sleep(PAUSE_AFTER_FAILURE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
