package dev.baton.engine.webhooks;

import dev.baton.engine.system.BatonProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP attempt of a delivery: {@code POST} of the event's JSON with its ids, type and
 * signature; redirects are never followed (a 3xx is a failed attempt).
 */
final class WebhookSender {

  /** What an attempt got: the HTTP status (0 without an answer) and the error, if it failed. */
  record Outcome(int status, String error) {

    boolean delivered() {
      return error == null;
    }
  }

  private final HttpClient client;
  private final BatonProperties.Events.Webhooks settings;

  WebhookSender(BatonProperties.Events.Webhooks settings) {
    this.settings = settings;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.getConnectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  Outcome send(WebhookDispatcher.Due due) throws InterruptedException {
    byte[] body = due.body().getBytes(StandardCharsets.UTF_8);
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(due.url()))
              .timeout(settings.getReadTimeout())
              .header("Content-Type", "application/json")
              .header("X-Baton-Event-Id", due.eventId())
              .header("X-Baton-Event-Type", due.eventType())
              .header("X-Baton-Delivery-Id", due.id())
              .header(WebhookSignature.HEADER, WebhookSignature.of(due.secret(), body))
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
      int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status >= 200 && status < 300
          ? new Outcome(status, null)
          : new Outcome(status, "HTTP " + status);
    } catch (HttpTimeoutException e) {
      return new Outcome(0, "Timed out: " + e.getMessage());
    } catch (IOException | IllegalArgumentException e) {
      return new Outcome(0, e.toString());
    }
  }
}
