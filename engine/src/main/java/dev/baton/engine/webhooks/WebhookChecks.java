package dev.baton.engine.webhooks;

import dev.baton.engine.events.EventType;
import dev.baton.engine.system.BadRequestException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** What a webhook's URL and event types may be: the one place these rules live. */
final class WebhookChecks {

  /** Longest URL, in characters. */
  static final int MAX_URL = 2000;

  static final Set<String> EVENT_TYPES =
      Arrays.stream(EventType.values()).map(EventType::key).collect(Collectors.toSet());

  private WebhookChecks() {}

  /**
   * An absolute {@code http} or {@code https} URL with a host and without user information (the
   * list shows URLs to operators; the secret is what authenticates Baton to the receiver).
   */
  static String url(String url) {
    if (url == null || url.isBlank() || url.length() > MAX_URL) {
      throw new BadRequestException("url must be 1 to " + MAX_URL + " characters");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new BadRequestException("url is not a valid URI: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
      throw new BadRequestException("url must be an absolute http or https URL");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new BadRequestException("url must name a host");
    }
    if (uri.getRawUserInfo() != null) {
      throw new BadRequestException("url must not carry user information; use the secret");
    }
    return url;
  }

  /** Known event types, without repeats, in the order given; none for all. */
  static List<String> eventTypes(List<String> types) {
    if (types == null) {
      return List.of();
    }
    for (String type : types) {
      if (!EVENT_TYPES.contains(type)) {
        throw new BadRequestException(
            "Unknown event type '"
                + type
                + "'; known: "
                + Arrays.stream(EventType.values())
                    .map(EventType::key)
                    .collect(Collectors.joining(", ")));
      }
    }
    return types.stream().distinct().toList();
  }
}
