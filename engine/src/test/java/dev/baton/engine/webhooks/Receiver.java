package dev.baton.engine.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * A webhook receiver for a test: the JDK's HTTP server on a free port, answering the n-th request
 * (from 1) with the status {@code answers} gives, recording every request in arrival order.
 */
final class Receiver implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request as received, and the status it was answered. */
  record Request(Map<String, String> headers, byte[] body, int answered) {

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String type() {
      return json().path("type").asText();
    }

    boolean accepted() {
      return answered >= 200 && answered < 300;
    }
  }

  private final HttpServer server;
  private final List<Request> requests = new ArrayList<>();
  private volatile IntUnaryOperator answers;

  private Receiver(IntUnaryOperator answers) throws IOException {
    this.answers = answers;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          int status;
          synchronized (this) {
            status = this.answers.applyAsInt(requests.size() + 1);
            Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange
                .getRequestHeaders()
                .forEach((name, values) -> headers.put(name, values.get(0)));
            requests.add(new Request(headers, body, status));
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  /** A receiver answering every request with {@code status}. */
  static Receiver answering(int status) throws IOException {
    return new Receiver(n -> status);
  }

  /** A receiver answering with what {@code answers} gives the request's number (from 1). */
  static Receiver answering(IntUnaryOperator answers) throws IOException {
    return new Receiver(answers);
  }

  /** Answers from now on with {@code status}. */
  void answerFromNow(int status) {
    answers = n -> status;
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  List<Request> accepted() {
    return requests().stream().filter(Request::accepted).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
