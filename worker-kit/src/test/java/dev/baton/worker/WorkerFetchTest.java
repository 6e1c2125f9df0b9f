package dev.baton.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.client.task.ExternalTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The worker on the official client against a fake engine that hands out as many tasks as each
 * fetch asks for and records what it asked: every task it locks must start at once.
 */
class WorkerFetchTest {

  private final ObjectMapper mapper = new ObjectMapper();
  private final ConcurrentLinkedQueue<String> waiting = new ConcurrentLinkedQueue<>();
  private final List<Integer> requested = new CopyOnWriteArrayList<>();
  private final AtomicInteger locked = new AtomicInteger();
  private final List<String> completed = new CopyOnWriteArrayList<>();
  private final List<String> started = new CopyOnWriteArrayList<>();
  private final Map<String, CountDownLatch> releases = new ConcurrentHashMap<>();
  private HttpServer engine;
  private Worker worker;

  @BeforeEach
  void startEngine() throws IOException {
    engine = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    engine.setExecutor(Executors.newCachedThreadPool());
    engine.createContext("/engine-rest/external-task/", this::serve);
    engine.start();
  }

  @AfterEach
  void stop() {
    releases.values().forEach(CountDownLatch::countDown);
    if (worker != null) {
      worker.close();
    }
    engine.stop(0);
  }

  @Test
  void shouldLockNoTaskThatNoThreadCanStart() throws Exception {
    // given 10 tasks waiting and a worker with 3 threads
    for (int i = 1; i <= 10; i++) {
      waiting.add("task-" + i);
      releases.put("task-" + i, new CountDownLatch(1));
    }

    // when
    worker = Worker.start(config(3), Map.of("shipping", this::work));

    // then it fetches 3, starts 3, and fetches nothing more while they run
    await().until(() -> started.size() == 3);
    Thread.sleep(500);
    assertThat(requested).containsExactly(3);
    assertThat(locked.get()).isEqualTo(3);

    // when one task ends
    releases.get(started.get(0)).countDown();

    // then the next fetch asks for the one free thread, and that task starts
    await().until(() -> started.size() == 4);
    Thread.sleep(500);
    assertThat(completed).hasSize(1);
    assertThat(requested).containsExactly(3, 1);
    assertThat(locked.get()).isEqualTo(started.size());
  }

  private Map<String, Object> work(ExternalTask task) throws InterruptedException {
    started.add(task.getId());
    releases.get(task.getId()).await();
    return Map.of();
  }

  private WorkerConfig config(int maxTasks) {
    WorkerConfig config = new WorkerConfig();
    config.setBaseUrl("http://127.0.0.1:" + engine.getAddress().getPort() + "/engine-rest");
    config.setWorkerId("w1");
    config.setMaxTasks(maxTasks);
    config.setAsyncResponseTimeout(Duration.ofSeconds(1));
    config.setShutdownGrace(Duration.ofMillis(500));
    TopicConfig topic = new TopicConfig();
    topic.setName("shipping");
    config.setTopics(List.of(topic));
    return config;
  }

  /** fetchAndLock hands out up to maxTasks waiting tasks; complete and unlock answer 204. */
  private void serve(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    byte[] request = exchange.getRequestBody().readAllBytes();
    if (path.endsWith("/fetchAndLock")) {
      int maxTasks = mapper.readTree(request).get("maxTasks").asInt();
      requested.add(maxTasks);
      ArrayNode tasks = mapper.createArrayNode();
      while (tasks.size() < maxTasks && !waiting.isEmpty()) {
        String id = waiting.poll();
        tasks
            .addObject()
            .put("id", id)
            .put("topicName", "shipping")
            .put("workerId", "w1")
            .put("processInstanceId", "pi-" + id)
            .put("activityId", "ship")
            .putObject("variables");
      }
      if (tasks.isEmpty()) {
        pause(); // a long poll with nothing to hand out
      }
      locked.addAndGet(tasks.size());
      respond(exchange, 200, tasks.toString());
      return;
    }
    if (path.endsWith("/complete")) {
      completed.add(path);
    }
    respond(exchange, 204, null);
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    if (json == null) {
      exchange.sendResponseHeaders(status, -1);
    } else {
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }
}
