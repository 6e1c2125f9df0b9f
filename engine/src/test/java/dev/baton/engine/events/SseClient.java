package dev.baton.engine.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A plain HTTP client reading {@code GET /api/events/stream} line by line, as a tool would: each
 * message's {@code id:}, {@code event:} and {@code data:} (parsed), and every comment line.
 */
final class SseClient implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One server-sent event. */
  record Message(String id, String event, JsonNode data) {}

  private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
  private final List<String> comments = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final int status;
  private final String contentType;
  private final Stream<String> lines;
  private final Thread reader;

  private SseClient(HttpResponse<Stream<String>> response) {
    this.status = response.statusCode();
    this.contentType = response.headers().firstValue("Content-Type").orElse("");
    this.lines = response.body();
    this.reader = new Thread(this::read, "sse-client");
    reader.setDaemon(true);
    if (status == 200) {
      reader.start();
    }
  }

  /** Opens the stream (path with its query) as {@code user}; returns once the headers arrived. */
  static SseClient open(int port, String path, String user, String password) {
    String basic =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept", "text/event-stream")
            .header("Authorization", "Basic " + basic)
            .GET()
            .build();
    try {
      return new SseClient(
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(5))
              .build()
              .send(request, HttpResponse.BodyHandlers.ofLines()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  int status() {
    return status;
  }

  String contentType() {
    return contentType;
  }

  List<String> comments() {
    return comments;
  }

  /** The next message, waiting up to {@code timeout}; null if none came. */
  Message next(Duration timeout) throws InterruptedException {
    return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The next {@code count} messages; fails if they do not all come within {@code timeout}. */
  List<Message> next(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Message> received = new ArrayList<>();
    while (received.size() < count) {
      Message message =
          messages.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (message == null) {
        throw new AssertionError("only " + received + " of " + count + " events arrived");
      }
      received.add(message);
    }
    return received;
  }

  private void read() {
    String id = null;
    String event = null;
    StringBuilder data = new StringBuilder();
    try {
      for (String line : (Iterable<String>) lines::iterator) {
        if (line.isEmpty()) {
          if (data.length() > 0) {
            messages.add(new Message(id, event, JSON.readTree(data.toString())));
          }
          id = null;
          event = null;
          data.setLength(0);
        } else if (line.startsWith(":")) {
          comments.add(line.substring(1));
        } else if (line.startsWith("id:")) {
          id = line.substring(3).trim();
        } else if (line.startsWith("event:")) {
          event = line.substring(6).trim();
        } else if (line.startsWith("data:")) {
          data.append(line.substring(5).trim());
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // the stream was closed
    }
  }

  @Override
  public void close() {
    lines.close();
    reader.interrupt();
  }
}
