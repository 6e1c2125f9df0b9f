package dev.baton.adapters.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.baton.adapters.BusinessRejectionException;
import dev.baton.adapters.http.HttpAdapterSpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.variable.ClientValues;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpTopicHandlerTest {

  private final ObjectMapper mapper = new ObjectMapper();
  private final List<String> keys = new CopyOnWriteArrayList<>();
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void shouldPostVariablesWithTheStepsIdempotencyKeyAndReturnTheAnswer() throws Exception {
    // given
    answer(200, "{\"trackingNumber\":\"TRK-1\"}");
    HttpTopicHandler handler = handler("/demo/shipping/ship");

    // when
    Map<String, Object> outputs = handler.handle(shippingTask());

    // then
    assertThat(outputs.get("trackingNumber").toString()).isEqualTo("\"TRK-1\"");
    assertThat(keys).containsExactly("pi-1:ship");
    assertThat(mapper.readTree(bodies.get(0)))
        .isEqualTo(
            mapper.readTree(
                "{\"orderId\":\"o-1\",\"address\":{\"country\":\"DE\"},\"express\":false}"));
  }

  @Test
  void shouldRaiseBusinessRejectionForAnErrorCode() {
    // given
    answer(422, "{\"errorCode\":\"SHIPPING_REJECTED\",\"message\":\"No carrier ships to XX\"}");
    HttpTopicHandler handler = handler("/demo/shipping/ship");

    // when / then
    assertThatThrownBy(() -> handler.handle(shippingTask()))
        .isInstanceOfSatisfying(
            BusinessRejectionException.class,
            e -> assertThat(e.errorCode()).isEqualTo("SHIPPING_REJECTED"));
  }

  private HttpTopicHandler handler(String url) {
    HttpAdapterSpec spec = new HttpAdapterSpec();
    spec.setUrl(url);
    // a path resolves against the engine's host, as the engine's own adapters do
    URI engine = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/engine-rest");
    return new HttpTopicHandler("shipping", spec, engine, mapper);
  }

  private void answer(int status, String body) {
    server.createContext(
        "/demo/shipping/ship",
        exchange -> {
          keys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
          bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
  }

  private static ExternalTask shippingTask() {
    ExternalTask task = mock(ExternalTask.class);
    when(task.getProcessInstanceId()).thenReturn("pi-1");
    when(task.getActivityId()).thenReturn("ship");
    when(task.getAllVariablesTyped(false))
        .thenReturn(
            Variables.createVariables()
                .putValueTyped("orderId", Variables.stringValue("o-1"))
                .putValueTyped("address", ClientValues.jsonValue("{\"country\":\"DE\"}"))
                .putValueTyped("express", Variables.booleanValue(false)));
    return task;
  }
}
