package dev.baton.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpStatus;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sizes each fetch to the threads free for it now, on the official client's HTTP client.
 *
 * <p>The client asks for its configured {@code maxTasks} on every fetch and has no way to change it
 * per fetch. This step of its HTTP client's chain holds each {@code POST
 * .../external-task/fetchAndLock} until a thread of the {@link TaskDispatcher} is free, then sets
 * the request's {@code maxTasks} (Camunda's REST contract) to the number of free threads, never
 * above the configured one. Once the dispatcher is closing, it answers the fetch itself with no
 * tasks, so a stopping worker locks nothing. Every other request (complete, failure, unlock) passes
 * unchanged and never waits: the pool threads report their outcomes through the same client.
 */
final class FetchLimit implements ExecChainHandler {

  private static final Logger log = LoggerFactory.getLogger(FetchLimit.class);

  static final String NAME = "baton-fetch-limit";

  private static final String FETCH_PATH = "/external-task/fetchAndLock";

  private final TaskDispatcher dispatcher;
  private final ObjectMapper mapper;
  private final AtomicBoolean warned = new AtomicBoolean();

  FetchLimit(TaskDispatcher dispatcher, ObjectMapper mapper) {
    this.dispatcher = dispatcher;
    this.mapper = mapper;
  }

  @Override
  public ClassicHttpResponse execute(
      ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
      throws IOException, HttpException {
    if (!isFetch(request)) {
      return chain.proceed(request, scope);
    }
    int free = dispatcher.awaitFreeSlots();
    if (free == 0) {
      return noTasks();
    }
    limit(request, free);
    return chain.proceed(request, scope);
  }

  private static boolean isFetch(ClassicHttpRequest request) {
    String path = request.getPath();
    int query = path == null ? -1 : path.indexOf('?');
    return Method.POST.isSame(request.getMethod())
        && path != null
        && (query < 0 ? path : path.substring(0, query)).endsWith(FETCH_PATH);
  }

  /** Sets the body's {@code maxTasks} to at most {@code free}; leaves a body it cannot read. */
  private void limit(ClassicHttpRequest request, int free) throws IOException {
    HttpEntity entity = request.getEntity();
    JsonNode body = null;
    if (entity != null && entity.isRepeatable()) {
      try {
        body = mapper.readTree(EntityUtils.toByteArray(entity));
      } catch (IOException e) {
        body = null;
      }
    }
    if (!(body instanceof ObjectNode fetch) || !fetch.path("maxTasks").canConvertToInt()) {
      if (warned.compareAndSet(false, true)) {
        log.warn(
            "A fetch request has no maxTasks to size; tasks may wait locked for a free thread");
      }
      return;
    }
    fetch.put("maxTasks", Math.min(free, fetch.get("maxTasks").asInt()));
    request.setEntity(new ByteArrayEntity(mapper.writeValueAsBytes(fetch), contentType(entity)));
  }

  private static ContentType contentType(HttpEntity entity) {
    ContentType type =
        entity.getContentType() == null ? null : ContentType.parseLenient(entity.getContentType());
    return type == null ? ContentType.APPLICATION_JSON : type;
  }

  /** What the engine answers when there is no work: an empty list. */
  private static ClassicHttpResponse noTasks() {
    BasicClassicHttpResponse response = new BasicClassicHttpResponse(HttpStatus.SC_OK);
    response.setEntity(new StringEntity("[]", ContentType.APPLICATION_JSON));
    return response;
  }
}
