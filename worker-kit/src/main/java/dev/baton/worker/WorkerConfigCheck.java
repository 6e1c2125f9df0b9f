package dev.baton.worker;

import dev.baton.adapters.http.HttpAdapterSpec;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Checks a bound {@link WorkerConfig}, collecting every problem into one message. */
final class WorkerConfigCheck {

  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

  /** Camunda's REST API answers 400 to a fetch that asks to wait longer. */
  private static final Duration MAX_LONG_POLL = Duration.ofMinutes(30);

  private final List<String> problems = new ArrayList<>();

  private WorkerConfigCheck() {}

  static void check(WorkerConfig config, String source) {
    WorkerConfigCheck check = new WorkerConfigCheck();
    check.worker(config);
    if (!check.problems.isEmpty()) {
      throw new IllegalArgumentException(source + ": " + String.join("; ", check.problems));
    }
  }

  private void worker(WorkerConfig config) {
    if (blank(config.getBaseUrl())) {
      problems.add("baseUrl is required, e.g. http://localhost:8080/engine-rest");
    } else if (!isHttpUrl(config.getBaseUrl())) {
      problems.add("baseUrl must be an http(s) URL, not '" + config.getBaseUrl() + "'");
    }
    if (blank(config.getWorkerId())) {
      problems.add("workerId is required (the engine shows it for every task this worker locks)");
    }
    if (config.getMaxTasks() < 1) {
      problems.add("maxTasks must be at least 1");
    }
    if (config.getRetries() < 0) {
      problems.add("retries must not be negative");
    }
    positive("lockDuration", config.getLockDuration());
    positive("asyncResponseTimeout", config.getAsyncResponseTimeout());
    if (config.getAsyncResponseTimeout() != null
        && config.getAsyncResponseTimeout().compareTo(MAX_LONG_POLL) > 0) {
      problems.add("asyncResponseTimeout must be at most 30m (the engine refuses longer polls)");
    }
    notNegative("retryTimeout", config.getRetryTimeout());
    notNegative("shutdownGrace", config.getShutdownGrace());
    List<TopicConfig> topics = config.getTopics();
    if (topics == null || topics.isEmpty()) {
      problems.add("topics must list at least one topic");
      return;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < topics.size(); i++) {
      topic("topics[" + i + "]", topics.get(i), names);
    }
  }

  private void topic(String at, TopicConfig topic, Set<String> names) {
    if (topic == null || blank(topic.getName())) {
      problems.add(at + ".name is required");
      return;
    }
    if (!names.add(topic.getName())) {
      problems.add(at + ": topic '" + topic.getName() + "' is listed twice");
    }
    if (topic.getLockDuration() != null) {
      positive(at + ".lockDuration", topic.getLockDuration());
    }
    HttpAdapterSpec http = topic.getHttp();
    if (http == null) {
      return;
    }
    if (blank(http.getUrl())) {
      problems.add(at + ".http.url is required");
    } else if (!http.getUrl().startsWith("/") && !isHttpUrl(http.getUrl())) {
      problems.add(at + ".http.url must be an http(s) URL or a path starting with /");
    }
    if (http.getMethod() == null || !METHODS.contains(http.getMethod().toUpperCase(Locale.ROOT))) {
      problems.add(at + ".http.method must be one of " + new java.util.TreeSet<>(METHODS));
    }
    positive(at + ".http.timeout", http.getTimeout());
    positive(at + ".http.connectTimeout", http.getConnectTimeout());
  }

  private void positive(String key, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      problems.add(key + " must be a positive duration, e.g. 30s");
    }
  }

  private void notNegative(String key, Duration value) {
    if (value == null || value.isNegative()) {
      problems.add(key + " must be a duration of 0s or more");
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static boolean isHttpUrl(String value) {
    try {
      URI uri = URI.create(value);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
