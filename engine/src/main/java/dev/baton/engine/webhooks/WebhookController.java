package dev.baton.engine.webhooks;

import dev.baton.engine.system.ApiPaths;
import dev.baton.engine.system.PageView;
import dev.baton.engine.system.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Webhooks")
class WebhookController {

  private final Webhooks webhooks;

  WebhookController(Webhooks webhooks) {
    this.webhooks = webhooks;
  }

  @PostMapping(ApiPaths.WEBHOOKS)
  @Operation(summary = "Register a webhook for process events, signed with its secret (admin)")
  ResponseEntity<WebhookView> register(
      @Valid @RequestBody WebhookRequest request, Principal admin) {
    WebhookView created = webhooks.register(request, admin.getName());
    return ResponseEntity.created(URI.create(ApiPaths.WEBHOOKS + "/" + created.id())).body(created);
  }

  @GetMapping(ApiPaths.WEBHOOKS)
  @Operation(summary = "Registered webhooks, without their secrets")
  List<WebhookView> list() {
    return webhooks.list();
  }

  @DeleteMapping(ApiPaths.WEBHOOK)
  @Operation(summary = "Remove a webhook and its deliveries, pending ones included (admin)")
  ResponseEntity<Void> delete(@PathVariable String id) {
    webhooks.delete(id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping(ApiPaths.WEBHOOK_DELIVERIES)
  @Operation(summary = "A webhook's deliveries, newest event first, optionally of one status")
  PageView<DeliveryView> deliveries(
      @PathVariable String id,
      @RequestParam(required = false) DeliveryStatus status,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return webhooks.deliveries(id, status, new Paging(page, size));
  }

  @PostMapping(ApiPaths.WEBHOOK_DELIVERY_RETRY)
  @Operation(summary = "Send a FAILED delivery once more")
  DeliveryView retry(@PathVariable String id, @PathVariable String deliveryId) {
    return webhooks.retry(id, deliveryId);
  }
}
