package dev.baton.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.adapters.BusinessRejectionException;
import dev.baton.adapters.FakeService;
import dev.baton.adapters.http.HttpAdapterSpec;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.variable.ClientValues;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpTopicHandlerTest {

  private final ObjectMapper mapper = new ObjectMapper();
  private FakeService service;

  @BeforeEach
  void startService() throws IOException {
    service = FakeService.start();
  }

  @AfterEach
  void stopService() {
    service.close();
  }

  @Test
  void shouldPostVariablesWithTheTasksIdempotencyKeyAndReturnTheAnswer() throws Exception {
    // given
    answer(200, "{\"trackingNumber\":\"TRK-1\"}");
    HttpTopicHandler handler = handler("/demo/shipping/ship");

    // when
    Map<String, Object> outputs = handler.handle(shippingTask("task-1"));

    // then
    assertThat(outputs.get("trackingNumber").toString()).isEqualTo("\"TRK-1\"");
    assertThat(service.keys()).containsExactly("pi-1:task-1");
    assertThat(mapper.readTree(service.bodies().get(0)))
        .isEqualTo(
            mapper.readTree(
                "{\"orderId\":\"o-1\",\"address\":{\"country\":\"DE\"},\"express\":false}"));
  }

  @Test
  void shouldSendOneKeyPerStepExecutionTheSameOnItsRetries() throws Exception {
    // given the same step of one instance run twice (e.g. two loop iterations): two external tasks
    answer(200, "{}");
    HttpTopicHandler handler = handler("/demo/shipping/ship");
    ExternalTask first = shippingTask("task-1");
    ExternalTask second = shippingTask("task-2");

    // when the first is tried twice (a retry after a failure) and the second once
    handler.handle(first);
    handler.handle(first);
    handler.handle(second);

    // then
    assertThat(service.keys()).containsExactly("pi-1:task-1", "pi-1:task-1", "pi-1:task-2");
  }

  @Test
  void shouldRaiseBusinessRejectionForAnErrorCode() {
    // given
    answer(422, "{\"errorCode\":\"SHIPPING_REJECTED\",\"message\":\"No carrier ships to XX\"}");
    HttpTopicHandler handler = handler("/demo/shipping/ship");

    // when / then
    assertThatThrownBy(() -> handler.handle(shippingTask("task-1")))
        .isInstanceOfSatisfying(
            BusinessRejectionException.class,
            e -> assertThat(e.errorCode()).isEqualTo("SHIPPING_REJECTED"));
  }

  private HttpTopicHandler handler(String url) {
    HttpAdapterSpec spec = new HttpAdapterSpec();
    spec.setUrl(url);
    // a path resolves against the engine's host, as the engine's own adapters do
    URI engine = URI.create(service.url("/engine-rest"));
    return new HttpTopicHandler("shipping", spec, engine, mapper);
  }

  private void answer(int status, String body) {
    service.answer("/demo/shipping/ship", status, body, Duration.ZERO);
  }

  /** A task of step {@code ship} in instance {@code pi-1}. */
  private static ExternalTask shippingTask(String id) {
    ExternalTask task = mock(ExternalTask.class);
    when(task.getId()).thenReturn(id);
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
