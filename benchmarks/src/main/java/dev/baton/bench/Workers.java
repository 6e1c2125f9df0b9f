package dev.baton.bench;

import dev.baton.worker.TopicConfig;
import dev.baton.worker.TopicHandler;
import dev.baton.worker.Worker;
import dev.baton.worker.WorkerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.client.ExternalTaskClientBuilder;
import org.camunda.bpm.client.interceptor.auth.BasicAuthProvider;

/** External-task workers for the benchmark's three topics; each completes its task at once. */
final class Workers implements AutoCloseable {

  /** Long-polling timeout of every worker. */
  private static final long LONG_POLL_MILLIS = 10_000;

  private final List<AutoCloseable> running = new ArrayList<>();

  /** One official Camunda client per topic, at the client's defaults but for long polling. */
  static Workers officialClients(Target target, Http http) throws Exception {
    Workers workers = new Workers();
    for (String topic : Shape.TOPICS) {
      String workerId = "bench-official-" + topic + "-" + shortId();
      ExternalTaskClientBuilder builder =
          ExternalTaskClient.create()
              .baseUrl(http.base() + "/engine-rest")
              .workerId(workerId)
              .asyncResponseTimeout(LONG_POLL_MILLIS);
      String[] credentials = target.workerCredentials(http, workerId, List.of(topic));
      if (credentials != null) {
        builder.addInterceptor(new BasicAuthProvider(credentials[0], credentials[1]));
      }
      ExternalTaskClient client = builder.build();
      client
          .subscribe(topic)
          .lockDuration(30_000)
          .handler((task, service) -> service.complete(task))
          .open();
      workers.running.add(client::stop);
    }
    return workers;
  }

  /** One Baton worker-kit process serving all three topics with its parallel pool. */
  static Workers kit(Target target, Http http, int maxTasks) throws Exception {
    Workers workers = new Workers();
    String workerId = "bench-kit-" + shortId();
    WorkerConfig config = new WorkerConfig();
    config.setBaseUrl(http.base() + "/engine-rest");
    config.setWorkerId(workerId);
    String[] credentials = target.workerCredentials(http, workerId, List.of(Shape.TOPICS));
    config.setKey(credentials == null ? "none" : credentials[1]);
    config.setMaxTasks(maxTasks);
    config.setAsyncResponseTimeout(Duration.ofMillis(LONG_POLL_MILLIS));
    config.setShutdownGrace(Duration.ofSeconds(2));
    Map<String, TopicHandler> handlers = new LinkedHashMap<>();
    List<TopicConfig> topics = new ArrayList<>();
    for (String name : Shape.TOPICS) {
      TopicConfig topic = new TopicConfig();
      topic.setName(name);
      topics.add(topic);
      handlers.put(name, task -> Map.of());
    }
    config.setTopics(topics);
    Worker worker = Worker.start(config, handlers);
    workers.running.add(worker);
    return workers;
  }

  private static String shortId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  @Override
  public void close() throws Exception {
    for (AutoCloseable worker : running) {
      worker.close();
    }
  }
}
