package dev.baton.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.adapters.AdapterCall;
import dev.baton.adapters.BusinessRejectionException;
import dev.baton.adapters.FakeService;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpServiceAdapterTest {

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
  void shouldSendInputsAndIdempotencyKeyAndReturnJsonFieldsAsOutputs() {
    // given
    answer("/charge", 200, "{\"paymentId\":\"p-1\",\"fee\":1.5}", Duration.ZERO);
    HttpServiceAdapter adapter = adapter("/charge", Duration.ofSeconds(2));

    // when
    Map<String, Object> outputs = adapter.execute(call(Map.of("amount", 120)));

    // then
    assertThat(outputs).containsOnlyKeys("paymentId", "fee");
    assertThat(outputs.get("paymentId").toString()).isEqualTo("\"p-1\"");
    assertThat(service.keys()).containsExactly("pi-1:chargePayment");
    assertThat(service.bodies()).containsExactly("{\"amount\":120}");
  }

  @Test
  void shouldTurnClientErrorWithErrorCodeIntoBusinessRejection() {
    // given
    answer(
        "/charge",
        422,
        "{\"errorCode\":\"PAYMENT_DECLINED\",\"message\":\"too much\"}",
        Duration.ZERO);
    HttpServiceAdapter adapter = adapter("/charge", Duration.ofSeconds(2));

    // when / then
    assertThatThrownBy(() -> adapter.execute(call(Map.of("amount", 20_000))))
        .isInstanceOfSatisfying(
            BusinessRejectionException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo("PAYMENT_DECLINED");
              assertThat(e.getMessage()).isEqualTo("too much");
            });
  }

  @Test
  void shouldTreatClientErrorWithoutErrorCodeAsTechnicalFailure() {
    // given
    answer("/charge", 400, "{\"message\":\"bad body\"}", Duration.ZERO);

    // when / then
    assertThatThrownBy(() -> adapter("/charge", Duration.ofSeconds(2)).execute(call(Map.of())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("HTTP 400");
  }

  @Test
  void shouldTreatServerErrorAsTechnicalFailure() {
    // given
    answer("/ship", 503, "{\"errorCode\":\"UNAVAILABLE\"}", Duration.ZERO);

    // when / then
    assertThatThrownBy(() -> adapter("/ship", Duration.ofSeconds(2)).execute(call(Map.of())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("HTTP 503")
        .hasMessageContaining("Adapter 'test'");
  }

  @Test
  void shouldTreatTimeoutAsTechnicalFailure() {
    // given
    answer("/slow", 200, "{}", Duration.ofMillis(1500));

    // when / then
    assertThatThrownBy(() -> adapter("/slow", Duration.ofMillis(200)).execute(call(Map.of())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("failed");
  }

  @Test
  void shouldTreatRefusedConnectionAsTechnicalFailure() throws IOException {
    // given a port nobody listens on
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    HttpAdapterSpec spec = spec("http://127.0.0.1:" + port + "/x", Duration.ofSeconds(1));

    // when / then
    assertThatThrownBy(
            () -> new HttpServiceAdapter("test", spec, URI::create, mapper).execute(call(Map.of())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ConnectException");
  }

  private void answer(String path, int status, String body, Duration delay) {
    service.answer(path, status, body, delay);
  }

  private HttpServiceAdapter adapter(String path, Duration timeout) {
    return new HttpServiceAdapter("test", spec(service.url(path), timeout), URI::create, mapper);
  }

  private static HttpAdapterSpec spec(String url, Duration timeout) {
    HttpAdapterSpec spec = new HttpAdapterSpec();
    spec.setUrl(url);
    spec.setTimeout(timeout);
    return spec;
  }

  private static AdapterCall call(Map<String, Object> inputs) {
    return new AdapterCall(
        "test", "pi-1:chargePayment", "pi-1", "order-1", "chargePayment", inputs);
  }
}
