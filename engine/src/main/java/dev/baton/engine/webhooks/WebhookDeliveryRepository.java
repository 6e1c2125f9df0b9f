package dev.baton.engine.webhooks;

import java.time.Instant;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface WebhookDeliveryRepository extends JpaRepository<WebhookDelivery, String> {

  Page<WebhookDelivery> findByWebhookId(String webhookId, Pageable page);

  Page<WebhookDelivery> findByWebhookIdAndStatus(
      String webhookId, DeliveryStatus status, Pageable page);

  boolean existsByIdAndWebhookId(String id, String webhookId);

  /**
   * A FAILED delivery becomes PENDING, due now; 0 when it is not FAILED (or not this webhook's).
   */
  @Modifying
  @Transactional
  @Query(
      "update WebhookDelivery d set d.status = dev.baton.engine.webhooks.DeliveryStatus.PENDING,"
          + " d.nextAttemptAt = :now where d.id = :id and d.webhookId = :webhookId"
          + " and d.status = dev.baton.engine.webhooks.DeliveryStatus.FAILED")
  int retry(String webhookId, String id, Instant now);
}
