package dev.baton.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A worker's settings, read from YAML by {@link WorkerConfigReader}; see the module README. */
public class WorkerConfig {

  /** The engine's REST root, e.g. {@code http://localhost:8080/engine-rest}. Required. */
  private String baseUrl;

  /** The id this worker locks tasks under, and its HTTP Basic user name. Required. */
  private String workerId;

  /** The worker's key (HTTP Basic password); unset sends no credentials. */
  private String key;

  /** Tasks worked on at once (pool size), also the most tasks fetched per poll. */
  private int maxTasks = 10;

  /**
   * How long a fetched task stays locked to this worker; a killed worker's tasks wait this long.
   */
  private Duration lockDuration = Duration.ofSeconds(30);

  /** How long one fetch waits on the engine for work to appear (long polling). */
  private Duration asyncResponseTimeout = Duration.ofSeconds(20);

  /** Attempts a task gets when the engine has no retry count for it yet; 0 left is an incident. */
  private int retries = 3;

  /** Time before a failed task may be fetched again. */
  private Duration retryTimeout = Duration.ofSeconds(5);

  /** On shutdown, time allowed for running tasks to finish before they are unlocked. */
  private Duration shutdownGrace = Duration.ofSeconds(5);

  /** The topics to serve, at least one. */
  private List<TopicConfig> topics = new ArrayList<>();

  public String getBaseUrl() {
    return baseUrl;
  }

  public void setBaseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public String getWorkerId() {
    return workerId;
  }

  public void setWorkerId(String workerId) {
    this.workerId = workerId;
  }

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }

  public int getMaxTasks() {
    return maxTasks;
  }

  public void setMaxTasks(int maxTasks) {
    this.maxTasks = maxTasks;
  }

  public Duration getLockDuration() {
    return lockDuration;
  }

  public void setLockDuration(Duration lockDuration) {
    this.lockDuration = lockDuration;
  }

  public Duration getAsyncResponseTimeout() {
    return asyncResponseTimeout;
  }

  public void setAsyncResponseTimeout(Duration asyncResponseTimeout) {
    this.asyncResponseTimeout = asyncResponseTimeout;
  }

  public int getRetries() {
    return retries;
  }

  public void setRetries(int retries) {
    this.retries = retries;
  }

  public Duration getRetryTimeout() {
    return retryTimeout;
  }

  public void setRetryTimeout(Duration retryTimeout) {
    this.retryTimeout = retryTimeout;
  }

  public Duration getShutdownGrace() {
    return shutdownGrace;
  }

  public void setShutdownGrace(Duration shutdownGrace) {
    this.shutdownGrace = shutdownGrace;
  }

  public List<TopicConfig> getTopics() {
    return topics;
  }

  public void setTopics(List<TopicConfig> topics) {
    this.topics = topics;
  }
}
