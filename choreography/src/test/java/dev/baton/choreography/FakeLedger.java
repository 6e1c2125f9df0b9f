package dev.baton.choreography;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The demo services as the tests need them: every call recorded; one effect per idempotency key (a
 * repeated key answers what the first answered, like Baton's); charges over 10,000 declined; a path
 * can be made to answer 503 a few times first.
 */
final class FakeLedger implements AutoCloseable {

  /** One request as it arrived. */
  record Call(String path, String key, JsonNode body) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, String> answers = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> outages = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();

  private FakeLedger(HttpServer server) {
    this.server = server;
  }

  static FakeLedger start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    FakeLedger ledger = new FakeLedger(server);
    server.createContext("/demo/", ledger::handle);
    server.start();
    return ledger;
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/demo";
  }

  /** The next {@code times} calls to {@code path} answer 503 without an effect. */
  void failNext(String path, int times) {
    outages.put(path, new AtomicInteger(times));
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  /** Calls for one order (keys start with {@code <orderId>:}), in arrival order. */
  List<Call> callsFor(String orderId) {
    return calls.stream().filter(c -> c.key().startsWith(orderId + ":")).toList();
  }

  /** Effects for one order: distinct idempotency keys that were answered. */
  List<String> effectsFor(String orderId) {
    return answers.keySet().stream().filter(k -> k.startsWith(orderId + ":")).sorted().toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath().substring("/demo".length());
    String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
    JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
    calls.add(new Call(path, key, body));
    AtomicInteger outage = outages.get(path);
    if (outage != null && outage.getAndDecrement() > 0) {
      send(exchange, 503, "{\"message\":\"switched off\"}");
      return;
    }
    String answer = answers.computeIfAbsent(key, k -> effect(path, body));
    send(exchange, answer.contains("errorCode") ? 422 : 200, answer);
  }

  private String effect(String path, JsonNode body) {
    int id = ids.incrementAndGet();
    return switch (path) {
      case "/inventory/reserve" -> "{\"reservationId\":\"res-" + id + "\"}";
      case "/inventory/release" -> "{\"released\":true}";
      case "/payment/charge" ->
          body.path("amount").asDouble() > 10_000
              ? "{\"errorCode\":\"PAYMENT_DECLINED\",\"message\":\"over the limit\"}"
              : "{\"paymentId\":\"pay-" + id + "\"}";
      case "/shipping/ship" -> "{\"trackingNumber\":\"TRK-" + id + "\"}";
      default -> "{\"errorCode\":\"UNKNOWN\",\"message\":\"no such operation\"}";
    };
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
