package dev.baton.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.client.ExternalTaskClientBuilder;
import org.camunda.bpm.client.backoff.ExponentialErrorBackoffStrategy;
import org.camunda.bpm.client.interceptor.auth.BasicAuthProvider;
import org.camunda.bpm.client.topic.TopicSubscriptionBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running external-task worker: the official Camunda client, one bounded pool for all topics, a
 * subscription per configured topic, each fetch sized to the pool's free threads. {@link #close()}
 * shuts it down gracefully.
 */
public final class Worker implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Worker.class);

  /** Back off only after a failed fetch (engine down, 401): 0.5 s doubling to 10 s. */
  private static final long ERROR_BACKOFF_MILLIS = 500;

  private static final long MAX_ERROR_BACKOFF_MILLIS = 10_000;

  /** Time a fetch loop that is not in a long poll needs to stop; close() logs only beyond it. */
  private static final Duration QUICK_STOP = Duration.ofSeconds(2);

  private final WorkerConfig config;
  private final ExternalTaskClient client;
  private final PoolingHttpClientConnectionManager connections;
  private final TaskDispatcher dispatcher;
  private boolean closed;

  private Worker(WorkerConfig config, Map<String, TopicHandler> handlers) {
    this.config = config;
    this.dispatcher =
        new TaskDispatcher(
            config.getMaxTasks(),
            new FailurePolicy(config.getRetries(), config.getRetryTimeout()),
            new ObjectMapper());
    // one connection per pool thread reporting an outcome, plus the fetch loop's long poll
    this.connections =
        PoolingHttpClientConnectionManagerBuilder.create()
            .useSystemProperties()
            .setMaxConnPerRoute(config.getMaxTasks() + 1)
            .setMaxConnTotal(config.getMaxTasks() + 1)
            .build();
    this.client = client(config, connections, new FetchLimit(dispatcher, new ObjectMapper()));
    handlers.forEach(this::subscribe);
    client.start();
    log.info(
        "Worker '{}' polls {} for topics {} ({} tasks at once)",
        config.getWorkerId(),
        config.getBaseUrl(),
        handlers.keySet(),
        config.getMaxTasks());
  }

  /**
   * Starts a worker for every topic in {@code config}. A topic with an {@code http} section calls
   * that service; any other topic needs a handler in {@code handlers}, by topic name.
   */
  public static Worker start(WorkerConfig config, Map<String, TopicHandler> handlers) {
    WorkerConfigCheck.check(config, "worker config");
    return new Worker(config, resolve(config, handlers, new ObjectMapper()));
  }

  /** Pairs each configured topic with its handler; fails on a topic without one, or the reverse. */
  static Map<String, TopicHandler> resolve(
      WorkerConfig config, Map<String, TopicHandler> handlers, ObjectMapper mapper) {
    Map<String, TopicHandler> resolved = new LinkedHashMap<>();
    for (TopicConfig topic : config.getTopics()) {
      TopicHandler coded = handlers.get(topic.getName());
      if (coded != null && topic.getHttp() != null) {
        throw new IllegalArgumentException(
            "topic '" + topic.getName() + "' has an http section and a handler in code; keep one");
      }
      if (coded == null && topic.getHttp() == null) {
        throw new IllegalArgumentException(
            "topic '" + topic.getName() + "' has no handler: give it an http section");
      }
      resolved.put(
          topic.getName(),
          coded != null
              ? coded
              : new HttpTopicHandler(
                  topic.getName(), topic.getHttp(), URI.create(config.getBaseUrl()), mapper));
    }
    handlers.keySet().stream()
        .filter(name -> !resolved.containsKey(name))
        .findFirst()
        .ifPresent(
            name -> {
              throw new IllegalArgumentException(
                  "a handler is given for topic '" + name + "', which the config does not list");
            });
    return resolved;
  }

  private static ExternalTaskClient client(
      WorkerConfig config, PoolingHttpClientConnectionManager connections, FetchLimit limit) {
    ExternalTaskClientBuilder builder =
        ExternalTaskClient.create()
            .baseUrl(config.getBaseUrl())
            .workerId(config.getWorkerId())
            .maxTasks(config.getMaxTasks())
            .lockDuration(config.getLockDuration().toMillis())
            .asyncResponseTimeout(config.getAsyncResponseTimeout().toMillis())
            // no idle backoff (long polling waits instead), but no busy loop when fetches fail
            .backoffStrategy(
                new ExponentialErrorBackoffStrategy(
                    ERROR_BACKOFF_MILLIS, 2, MAX_ERROR_BACKOFF_MILLIS))
            // each fetch asks for no more tasks than there are free threads (maxTasks is the most)
            .customizeHttpClient(
                http ->
                    http.setConnectionManager(connections)
                        .addExecInterceptorFirst(FetchLimit.NAME, limit))
            .disableAutoFetching();
    if (config.getKey() != null && !config.getKey().isBlank()) {
      builder.addInterceptor(new BasicAuthProvider(config.getWorkerId(), config.getKey()));
    }
    return builder.build();
  }

  private void subscribe(String topicName, TopicHandler handler) {
    TopicConfig topic =
        config.getTopics().stream().filter(t -> t.getName().equals(topicName)).findFirst().get();
    TopicSubscriptionBuilder subscription =
        client.subscribe(topicName).handler(dispatcher.handlerFor(handler));
    if (topic.getLockDuration() != null) {
      subscription.lockDuration(topic.getLockDuration().toMillis());
    }
    if (topic.getVariables() != null) {
      subscription.variables(topic.getVariables().toArray(String[]::new));
    }
    subscription.open();
  }

  /**
   * Stops fetching, waits up to {@code shutdownGrace} for running tasks, unlocks the rest, and
   * waits for the open long poll to end (at most {@code asyncResponseTimeout}).
   *
   * <p>Why wait for the poll: the engine does not notice that a polling worker has gone and would
   * lock the next matching task for it, where it stays until {@code lockDuration} expires. Kept
   * open, the poll hands such a task to this worker, which unlocks it at once. The worker's own
   * unlocks wake the poll, so the wait is long only when the worker was idle.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    log.info("Worker '{}' stopping; {} tasks running", config.getWorkerId(), dispatcher.running());
    CountDownLatch drained = new CountDownLatch(1);
    // client.stop() blocks until the fetch loop ends, which may take up to asyncResponseTimeout
    Thread stopper = new Thread(() -> stopClient(drained), "baton-worker-stop");
    stopper.setDaemon(true);
    stopper.start();
    int unlocked = dispatcher.close(config.getShutdownGrace());
    drained.countDown();
    try {
      stopper.join(QUICK_STOP.toMillis());
      if (stopper.isAlive()) {
        log.info(
            "Worker '{}' waits for its open long poll to end (at most {})",
            config.getWorkerId(),
            config.getAsyncResponseTimeout());
        stopper.join(config.getAsyncResponseTimeout().toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    log.info("Worker '{}' stopped; {} unfinished tasks unlocked", config.getWorkerId(), unlocked);
  }

  private void stopClient(CountDownLatch drained) {
    client.stop();
    try {
      drained.await(); // unlocks still need the connections
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    connections.close(CloseMode.GRACEFUL);
  }
}
