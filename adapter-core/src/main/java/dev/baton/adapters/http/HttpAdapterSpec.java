package dev.baton.adapters.http;

import java.time.Duration;
import org.springframework.http.HttpMethod;

/** How to call one HTTP service: configured under {@code baton.adapters.<name>}. */
public class HttpAdapterSpec {

  /** Absolute URL, or a path starting with {@code /} that resolves against this server. */
  private String url;

  /** HTTP method; the task's inputs are the JSON body unless it is GET. */
  private String method = "POST";

  /** Time allowed for the whole answer; a slower service is a technical failure. */
  private Duration timeout = Duration.ofSeconds(10);

  /** Time allowed to open the connection. */
  private Duration connectTimeout = Duration.ofSeconds(2);

  /** Names of the variables the service expects (documentation for the modeler). */
  private java.util.List<String> inputs = new java.util.ArrayList<>();

  /** Names of the variables the service answers with (documentation for the modeler). */
  private java.util.List<String> outputs = new java.util.ArrayList<>();

  public java.util.List<String> getInputs() {
    return inputs;
  }

  public void setInputs(java.util.List<String> inputs) {
    this.inputs = inputs;
  }

  public java.util.List<String> getOutputs() {
    return outputs;
  }

  public void setOutputs(java.util.List<String> outputs) {
    this.outputs = outputs;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getMethod() {
    return method;
  }

  public void setMethod(String method) {
    this.method = method;
  }

  public HttpMethod httpMethod() {
    return HttpMethod.valueOf(method.toUpperCase(java.util.Locale.ROOT));
  }

  public Duration getTimeout() {
    return timeout;
  }

  public void setTimeout(Duration timeout) {
    this.timeout = timeout;
  }

  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }
}
