package dev.baton.choreography;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /{service}/orders/{orderId}}: what one service knows about an order, from its own
 * table. There is no {@code GET /orders/{id}} that knows the whole order: to find where an order is
 * stuck, ask each service in turn.
 */
final class StatusServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;

  private StatusServer(HttpServer server) {
    this.server = server;
  }

  static StatusServer start(int port, List<ServiceHost> hosts) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
      server.createContext("/", exchange -> answer(exchange, hosts));
      server.start();
      return new StatusServer(server);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot listen on port " + port, e);
    }
  }

  private static void answer(HttpExchange exchange, List<ServiceHost> hosts) throws IOException {
    String[] parts = exchange.getRequestURI().getPath().split("/");
    int status = 404;
    Object body = Map.of("message", "GET /{service}/orders/{orderId}");
    if (exchange.getRequestMethod().equals("GET")
        && parts.length == 4
        && parts[2].equals("orders")) {
      Optional<ServiceHost> host =
          hosts.stream().filter(h -> h.name().equals(parts[1])).findFirst();
      Optional<ServiceState.OrderState> known = host.flatMap(h -> h.state().find(parts[3]));
      if (known.isPresent()) {
        status = 200;
        ServiceState.OrderState order = known.get();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("service", parts[1]);
        view.put("orderId", order.orderId());
        view.put("status", order.status());
        view.put("reference", order.reference());
        view.put("detail", order.detail());
        view.put("updatedAt", order.updatedAt().toString());
        body = view;
      } else {
        body = Map.of("message", parts[1] + " knows nothing of order " + parts[3]);
      }
    }
    byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
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
