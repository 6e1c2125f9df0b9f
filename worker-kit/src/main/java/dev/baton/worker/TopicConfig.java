package dev.baton.worker;

import dev.baton.adapters.http.HttpAdapterSpec;
import java.time.Duration;
import java.util.List;

/** One topic a worker subscribes to: {@code topics[]} in the worker's YAML. */
public class TopicConfig {

  /** The topic name, as in the BPMN task's {@code camunda:topic}. Required. */
  private String name;

  /** How long a fetched task stays locked to this worker; unset means the worker's lockDuration. */
  private Duration lockDuration;

  /** Names of the variables to fetch; unset fetches all the task can see. */
  private List<String> variables;

  /** Serve the topic by calling an HTTP service (url, method, timeout, connectTimeout). */
  private HttpAdapterSpec http;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Duration getLockDuration() {
    return lockDuration;
  }

  public void setLockDuration(Duration lockDuration) {
    this.lockDuration = lockDuration;
  }

  public List<String> getVariables() {
    return variables;
  }

  public void setVariables(List<String> variables) {
    this.variables = variables;
  }

  public HttpAdapterSpec getHttp() {
    return http;
  }

  public void setHttp(HttpAdapterSpec http) {
    this.http = http;
  }
}
