package dev.baton.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.adapters.AdapterCall;
import dev.baton.adapters.http.HttpAdapterSpec;
import dev.baton.adapters.http.HttpServiceAdapter;
import java.net.URI;
import java.util.Map;
import org.camunda.bpm.client.task.ExternalTask;

/**
 * Serves a topic by calling an HTTP service through {@link HttpServiceAdapter}: the task's
 * variables are the JSON body, the answer's fields complete the task, and the task's idempotency
 * key travels as the {@code Idempotency-Key} header, so a retried task has one effect.
 */
public final class HttpTopicHandler implements TopicHandler {

  private final String topic;
  private final HttpServiceAdapter adapter;
  private final ObjectMapper mapper;

  /**
   * @param engineBase the worker's baseUrl: a url starting with {@code /} resolves against its host
   */
  public HttpTopicHandler(String topic, HttpAdapterSpec spec, URI engineBase, ObjectMapper mapper) {
    this.topic = topic;
    this.mapper = mapper;
    this.adapter =
        new HttpServiceAdapter(
            "topic " + topic,
            spec,
            url -> url.startsWith("/") ? engineBase.resolve(url) : URI.create(url),
            mapper);
  }

  @Override
  public Map<String, Object> handle(ExternalTask task) {
    AdapterCall call =
        new AdapterCall(
            topic,
            idempotencyKey(task),
            task.getProcessInstanceId(),
            task.getBusinessKey(),
            task.getActivityId(),
            TaskVariables.toJson(task, mapper));
    return adapter.execute(call);
  }

  /**
   * {@code <process instance id>:<external task id>}: the engine keeps one external task through
   * all retries of one execution of the step and creates a new one for every other execution (each
   * loop or multi-instance iteration, a token moved back to the step), so a retried task has one
   * effect and ten iterations have ten. The instance id comes first, so a service's log names the
   * instance.
   */
  static String idempotencyKey(ExternalTask task) {
    return AdapterCall.idempotencyKey(task.getProcessInstanceId(), task.getId());
  }
}
