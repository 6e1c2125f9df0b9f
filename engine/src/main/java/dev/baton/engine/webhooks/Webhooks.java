package dev.baton.engine.webhooks;

import dev.baton.engine.system.ConflictException;
import dev.baton.engine.system.NotFoundException;
import dev.baton.engine.system.PageView;
import dev.baton.engine.system.Paging;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/**
 * Registering, listing and removing webhooks, and their deliveries. Every input is checked before
 * anything is stored; a change is seen by this node's next round at once, by others within {@code
 * refresh-interval}.
 */
@Service
public class Webhooks {

  private final WebhookRepository webhooks;
  private final WebhookDeliveryRepository deliveries;
  private final WebhookSubscriptions subscriptions;
  private final ObjectProvider<WebhookDispatcher> dispatcher;
  private final Clock clock;

  Webhooks(
      WebhookRepository webhooks,
      WebhookDeliveryRepository deliveries,
      WebhookSubscriptions subscriptions,
      ObjectProvider<WebhookDispatcher> dispatcher,
      Clock clock) {
    this.webhooks = webhooks;
    this.deliveries = deliveries;
    this.subscriptions = subscriptions;
    this.dispatcher = dispatcher;
    this.clock = clock;
  }

  /** Registers a webhook; its secret is stored to sign deliveries and never answered. */
  public WebhookView register(WebhookRequest request, String admin) {
    String url = WebhookChecks.url(request.url());
    List<String> types = WebhookChecks.eventTypes(request.eventTypes());
    Webhook webhook =
        webhooks.save(
            new Webhook(
                UUID.randomUUID().toString(),
                url,
                request.processKey(),
                types,
                request.secret(),
                clock.instant(),
                admin));
    subscriptions.changed();
    return webhook.view();
  }

  /** Every webhook, oldest first. */
  public List<WebhookView> list() {
    return webhooks.findAllByOrderByCreatedAtAscIdAsc().stream().map(Webhook::view).toList();
  }

  /** Removes a webhook and all its deliveries, pending ones included. */
  public void delete(String id) {
    existing(id);
    webhooks.deleteById(id);
    subscriptions.changed();
  }

  /** A webhook's deliveries, newest event first, optionally of one status. */
  public PageView<DeliveryView> deliveries(String id, DeliveryStatus status, Paging paging) {
    existing(id);
    PageRequest request =
        PageRequest.of(
            paging.page(),
            paging.size(),
            Sort.by(Sort.Order.desc("sequence"), Sort.Order.asc("id")));
    Page<WebhookDelivery> page =
        status == null
            ? deliveries.findByWebhookId(id, request)
            : deliveries.findByWebhookIdAndStatus(id, status, request);
    return new PageView<>(
        page.getContent().stream().map(WebhookDelivery::view).toList(),
        paging.page(),
        paging.size(),
        page.getTotalElements());
  }

  /**
   * Sends a FAILED delivery once more, now: PENDING again with its attempts counted on (a new
   * failure makes it FAILED again). 404 for an unknown delivery, 409 for one that is not FAILED.
   */
  public DeliveryView retry(String id, String deliveryId) {
    existing(id);
    if (deliveries.retry(id, deliveryId, clock.instant()) == 0) {
      if (!deliveries.existsByIdAndWebhookId(deliveryId, id)) {
        throw new NotFoundException("Webhook " + id + " has no delivery " + deliveryId);
      }
      throw new ConflictException("Only a FAILED delivery can be retried");
    }
    DeliveryView retried = deliveries.findById(deliveryId).map(WebhookDelivery::view).orElseThrow();
    Optional.ofNullable(dispatcher.getIfAvailable()).ifPresent(WebhookDispatcher::wake);
    return retried;
  }

  private void existing(String id) {
    if (!webhooks.existsById(id)) {
      throw new NotFoundException("No webhook " + id);
    }
  }
}
