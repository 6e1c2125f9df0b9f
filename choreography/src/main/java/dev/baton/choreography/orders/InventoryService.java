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
 * Reserves stock when an order is placed, and releases it when the payment is declined: the
 * compensation the orchestrated twin draws as a boundary event is here a second binding and a
 * second branch, and the reservation to release comes from this service's own state.
 */
public final class InventoryService implements Participant {

  public static final String NAME = "inventory";

  private final Ledger ledger;

  public InventoryService(Ledger ledger) {
    this.ledger = ledger;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> bindings() {
    return List.of(Topics.ORDER_PLACED, Topics.PAYMENT_DECLINED);
  }

  @Override
  public int position(Event event) {
    return event.type().equals(Topics.ORDER_PLACED) ? 1 : 0;
  }

  @Override
  public Reaction react(Event event, Optional<ServiceState.OrderState> known) {
    return event.type().equals(Topics.PAYMENT_DECLINED) ? release(event, known) : reserve(event);
  }

  private Reaction reserve(Event placed) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("orderId", placed.orderId());
    body.put("items", placed.data().get("items"));
    Ledger.Answer answer =
        ledger.post("/inventory/reserve", Ledger.key(placed.orderId(), "reserve"), body);
    if (answer.refused()) {
      return new Reaction(
          "NOT_RESERVED",
          null,
          placed.next(Topics.INVENTORY_FAILED, Map.of("reason", answer.errorCode())));
    }
    String reservationId = answer.field("reservationId");
    return new Reaction(
        "RESERVED",
        reservationId,
        placed.next(Topics.INVENTORY_RESERVED, Map.of("reservationId", reservationId)));
  }

  private Reaction release(Event declined, Optional<ServiceState.OrderState> known) {
    // this service's own record, not the event, says what was reserved
    String reservationId =
        known
            .map(ServiceState.OrderState::reference)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "payment declined for order " + declined.orderId() + ", never reserved"));
    Ledger.Answer answer =
        ledger.post(
            "/inventory/release",
            Ledger.key(declined.orderId(), "release"),
            Map.of("reservationId", reservationId));
    if (answer.refused()) {
      throw new IllegalStateException(
          "release of " + reservationId + " refused: " + answer.errorCode());
    }
    return new Reaction("RELEASED", null, declined.next(Topics.ORDER_REJECTED, Map.of()));
  }
}
