package dev.baton.choreography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The order services on a real RabbitMQ, against a fake ledger that records every call. */
class OrderChoreographyIT {

  private FakeLedger ledger;
  private Choreography services;
  private EventLog events;

  @BeforeEach
  void start() throws Exception {
    ledger = FakeLedger.start();
  }

  private void startServices(String... settings) {
    services = Choreography.start(TestSettings.of(ledger.url(), settings));
    events = new EventLog(services.bus(), List.of("#"));
  }

  @AfterEach
  void stop() {
    if (events != null) {
      events.close();
    }
    if (services != null) {
      services.closeAndDelete();
    }
    ledger.close();
  }

  @Test
  void shouldReserveChargeAndShipWithOneLedgerCallPerStep() {
    // given
    startServices();
    String orderId = newOrderId();

    // when
    services.bus().publish(Event.placed(orderId, order(orderId, 250)));

    // then
    Event shipped = events.waitFor(orderId, Topics.ORDER_SHIPPED);
    assertThat(events.typesFor(orderId))
        .containsExactly(
            Topics.ORDER_PLACED,
            Topics.INVENTORY_RESERVED,
            Topics.PAYMENT_CHARGED,
            Topics.ORDER_SHIPPED);
    assertThat(ledger.callsFor(orderId))
        .extracting(FakeLedger.Call::path, FakeLedger.Call::key)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("/inventory/reserve", orderId + ":reserve"),
            org.assertj.core.groups.Tuple.tuple("/payment/charge", orderId + ":charge"),
            org.assertj.core.groups.Tuple.tuple("/shipping/ship", orderId + ":ship"));
    FakeLedger.Call charge = ledger.callsFor(orderId).get(1);
    assertThat(charge.body().path("amount").asInt()).isEqualTo(250);
    assertThat(ledger.callsFor(orderId).get(2).body().path("country").asText()).isEqualTo("DE");
    assertThat(shipped.text("trackingNumber")).startsWith("TRK-");
    assertThat(status("inventory", orderId)).isEqualTo("RESERVED");
    assertThat(status("payment", orderId)).isEqualTo("CHARGED");
    assertThat(status("shipping", orderId)).isEqualTo("SHIPPED");
  }

  @Test
  void shouldReleaseTheReservationWhenPaymentIsDeclinedAndRejectTheOrder() {
    // given
    startServices();
    String orderId = newOrderId();

    // when
    services.bus().publish(Event.placed(orderId, order(orderId, 20_000)));

    // then
    events.waitFor(orderId, Topics.ORDER_REJECTED);
    Event reserved = events.waitFor(orderId, Topics.INVENTORY_RESERVED);
    assertThat(events.typesFor(orderId))
        .containsExactly(
            Topics.ORDER_PLACED,
            Topics.INVENTORY_RESERVED,
            Topics.PAYMENT_DECLINED,
            Topics.ORDER_REJECTED);
    List<FakeLedger.Call> calls = ledger.callsFor(orderId);
    assertThat(calls)
        .extracting(FakeLedger.Call::path)
        .containsExactly("/inventory/reserve", "/payment/charge", "/inventory/release");
    assertThat(calls.get(2).key()).isEqualTo(orderId + ":release");
    assertThat(calls.get(2).body().path("reservationId").asText())
        .isEqualTo(reserved.text("reservationId"));
    assertThat(status("inventory", orderId)).isEqualTo("RELEASED");
    assertThat(status("payment", orderId)).isEqualTo("DECLINED");
    assertThat(services.host("shipping").state().find(orderId)).isEmpty();
  }

  @Test
  void shouldNotCallTheLedgerAgainWhenAnEventIsDeliveredTwice() {
    // given
    startServices();
    String orderId = newOrderId();
    Event placed = Event.placed(orderId, order(orderId, 100));
    services.bus().publish(placed);
    events.waitFor(orderId, Topics.ORDER_SHIPPED);

    // when: the same event again, as a redelivery after a lost ack would bring it
    services.bus().publish(placed);

    // then
    await()
        .during(Duration.ofMillis(700))
        .atMost(Duration.ofSeconds(5))
        .until(() -> ledger.callsFor(orderId).size() == 3);
    assertThat(events.typesFor(orderId)).containsOnlyOnce(Topics.ORDER_SHIPPED);
  }

  @Test
  void shouldRetryAnUnavailableServiceWithTheSameKeyForOneEffect() {
    // given
    startServices();
    ledger.failNext("/payment/charge", 2);
    String orderId = newOrderId();

    // when
    services.bus().publish(Event.placed(orderId, order(orderId, 100)));

    // then
    events.waitFor(orderId, Topics.ORDER_SHIPPED);
    assertThat(ledger.callsFor(orderId))
        .extracting(FakeLedger.Call::key)
        .containsExactly(
            orderId + ":reserve",
            orderId + ":charge",
            orderId + ":charge",
            orderId + ":charge",
            orderId + ":ship");
    assertThat(ledger.effectsFor(orderId)).hasSize(3);
  }

  @Test
  void shouldLeaveAnOrderStuckWhereOnlyTheFailingServiceKnowsIt() throws Exception {
    // given: step 2 (payment) fails for every order
    int port = freePort();
    startServices("--fail-step=2", "--fail-fraction=1", "--http-port=" + port);
    String orderId = newOrderId();

    // when
    services.bus().publish(Event.placed(orderId, order(orderId, 100)));

    // then
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> services.bus().depth(services.bus().deadLetterQueue()) == 1);
    assertThat(ledger.callsFor(orderId))
        .extracting(FakeLedger.Call::path)
        .containsExactly("/inventory/reserve");
    assertThat(get(port, "/inventory/orders/" + orderId)).contains("\"status\":\"RESERVED\"");
    assertThat(get(port, "/payment/orders/" + orderId))
        .contains("\"status\":\"FAILED\"")
        .contains("injected failure at step 2");
    assertThat(get(port, "/shipping/orders/" + orderId)).contains("knows nothing");
  }

  private String status(String service, String orderId) {
    return services
        .host(service)
        .state()
        .find(orderId)
        .map(ServiceState.OrderState::status)
        .orElse(null);
  }

  private static String get(int port, String path) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    return response.body();
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String newOrderId() {
    return "it-" + UUID.randomUUID();
  }

  private static Map<String, Object> order(String orderId, int amount) {
    return Map.of(
        "orderId",
        orderId,
        "amount",
        amount,
        "country",
        "DE",
        "items",
        List.of(Map.of("sku", "SKU-1", "quantity", 1)));
  }
}
