package dev.baton.choreography;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * The demo services over HTTP, called as Baton's adapters call them: the inputs as a JSON body and
 * an {@code Idempotency-Key} header, here {@code <orderId>:<step>}. A 2xx answer is a result, a 4xx
 * with an {@code errorCode} a business "no"; anything else is a {@link Unavailable} to retry.
 */
public final class Ledger {

  /** A 5xx, a 4xx without errorCode, a timeout or a refused connection: worth another try. */
  public static final class Unavailable extends RuntimeException {
    Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * The service's answer.
   *
   * @param errorCode null when the service did what was asked; its errorCode when it refused
   * @param body the JSON answer
   */
  public record Answer(String errorCode, JsonNode body) {
    public boolean refused() {
      return errorCode != null;
    }

    public String field(String name) {
      return body.path(name).asText(null);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final String authorization;
  private final Duration timeout;
  private final HttpClient http;

  public Ledger(Settings settings) {
    String url = settings.text("ledger-url");
    this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    String user = settings.text("ledger-user");
    this.authorization =
        user.isBlank()
            ? null
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        (user + ":" + settings.text("ledger-password"))
                            .getBytes(StandardCharsets.UTF_8));
    this.timeout = settings.duration("ledger-timeout");
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** The idempotency key of one step of one order: the same on every retry and redelivery. */
  public static String key(String orderId, String step) {
    return orderId + ":" + step;
  }

  /** {@code POST <ledger-url><path>} with the body and key; see the class comment for outcomes. */
  public Answer post(String path, String idempotencyKey, Map<String, Object> body) {
    URI uri = URI.create(baseUrl + path);
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri)
              .timeout(timeout)
              .header("Content-Type", "application/json")
              .header("Accept", "application/json")
              .header("Idempotency-Key", idempotencyKey)
              .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
      if (authorization != null) {
        request.header("Authorization", authorization);
      }
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = parse(response.body());
      int status = response.statusCode();
      if (status / 100 == 2) {
        return new Answer(null, json);
      }
      if (status / 100 == 4 && json.hasNonNull("errorCode")) {
        return new Answer(json.get("errorCode").asText(), json);
      }
      throw new Unavailable("POST " + uri + " answered HTTP " + status, null);
    } catch (IOException e) {
      throw new Unavailable("POST " + uri + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unavailable("POST " + uri + " interrupted", e);
    }
  }

  private static JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }
}
