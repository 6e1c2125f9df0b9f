package dev.baton.engine.webhooks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.data.domain.Persistable;

/**
 * A registered webhook: where events go, which ones, and the secret that signs them (kept as given:
 * signing needs it; never answered again).
 */
@Entity
@Table(name = "baton_webhook")
class Webhook implements Persistable<String> {

  @Id private String id;

  @Column(nullable = false, length = WebhookChecks.MAX_URL)
  private String url;

  @Column(name = "process_key")
  private String processKey;

  /** Comma-separated event types; null for all. */
  @Column(name = "event_types")
  private String eventTypes;

  @Column(nullable = false, length = 256)
  private String secret;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by")
  private String createdBy;

  @Transient private boolean inserting;

  protected Webhook() {}

  Webhook(
      String id,
      String url,
      String processKey,
      List<String> eventTypes,
      String secret,
      Instant createdAt,
      String createdBy) {
    this.id = id;
    this.url = url;
    this.processKey = processKey;
    this.eventTypes = eventTypes.isEmpty() ? null : String.join(",", eventTypes);
    this.secret = secret;
    this.createdAt = createdAt;
    this.createdBy = createdBy;
    this.inserting = true;
  }

  @Override
  public String getId() {
    return id;
  }

  @Override
  public boolean isNew() {
    return inserting;
  }

  /** The event types it wants; empty for all. */
  static List<String> types(String eventTypes) {
    return eventTypes == null ? List.of() : Arrays.asList(eventTypes.split(","));
  }

  WebhookView view() {
    return new WebhookView(id, url, processKey, types(eventTypes), createdAt);
  }
}
