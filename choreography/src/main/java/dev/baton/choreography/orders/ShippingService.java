package dev.baton.choreography.orders;

import dev.baton.choreography.Event;
import dev.baton.choreography.Ledger;
import dev.baton.choreography.Participant;
import dev.baton.choreography.ServiceState;
import dev.baton.choreography.Topics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ships a paid order. A refused shipment ends the order as {@code shipping.failed} with nothing
 * undone, as in the orchestrated twin, which has no path for it either.
 */
public final class ShippingService implements Participant {

  public static final String NAME = "shipping";

  private final Ledger ledger;

  public ShippingService(Ledger ledger) {
    this.ledger = ledger;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> bindings() {
    return List.of(Topics.PAYMENT_CHARGED);
  }

  @Override
  public int position(Event event) {
    return 3;
  }

  @Override
  public Reaction react(Event charged, Optional<ServiceState.OrderState> known) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("orderId", charged.orderId());
    body.put("country", charged.data().get("country"));
    Ledger.Answer answer =
        ledger.post("/shipping/ship", Ledger.key(charged.orderId(), "ship"), body);
    if (answer.refused()) {
      return new Reaction(
          "NOT_SHIPPED",
          null,
          charged.next(Topics.SHIPPING_FAILED, Map.of("reason", answer.errorCode())));
    }
    String trackingNumber = answer.field("trackingNumber");
    return new Reaction(
        "SHIPPED",
        trackingNumber,
        charged.next(Topics.ORDER_SHIPPED, Map.of("trackingNumber", trackingNumber)));
  }
}
