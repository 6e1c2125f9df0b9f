package dev.baton.engine.webhooks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One event for one webhook, read here for the API; the fan-out inserts rows and the dispatcher
 * claims and updates them with SQL ({@link WebhookFanOut}, {@link WebhookDispatcher}).
 */
@Entity
@Table(name = "baton_webhook_delivery")
class WebhookDelivery {

  @Id private String id;

  @Column(name = "webhook_id", nullable = false)
  private String webhookId;

  @Column(name = "event_id", nullable = false)
  private String eventId;

  @Column(name = "event_type", nullable = false)
  private String eventType;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Column(nullable = false)
  private long sequence;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private DeliveryStatus status;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "last_status")
  private Integer lastStatus;

  @Column(name = "last_error", length = 1000)
  private String lastError;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "delivered_at")
  private Instant deliveredAt;

  protected WebhookDelivery() {}

  DeliveryView view() {
    return new DeliveryView(
        id,
        eventId,
        eventType,
        processInstanceId,
        sequence,
        status,
        attempts,
        status == DeliveryStatus.PENDING ? nextAttemptAt : null,
        lastStatus,
        lastError,
        createdAt,
        deliveredAt);
  }
}
