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

/** Charges the order once its stock is reserved; a declined charge is an event, not an error. */
public final class PaymentService implements Participant {

  public static final String NAME = "payment";

  private final Ledger ledger;

  public PaymentService(Ledger ledger) {
    this.ledger = ledger;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> bindings() {
    return List.of(Topics.INVENTORY_RESERVED);
  }

  @Override
  public int position(Event event) {
    return 2;
  }

  @Override
  public Reaction react(Event reserved, Optional<ServiceState.OrderState> known) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("orderId", reserved.orderId());
    body.put("amount", reserved.data().get("amount"));
    Ledger.Answer answer =
        ledger.post("/payment/charge", Ledger.key(reserved.orderId(), "charge"), body);
    if (answer.refused()) {
      String reason = answer.body().path("message").asText(answer.errorCode());
      return new Reaction(
          "DECLINED",
          null,
          reserved.next(Topics.PAYMENT_DECLINED, Map.of("declineReason", reason)));
    }
    String paymentId = answer.field("paymentId");
    return new Reaction(
        "CHARGED",
        paymentId,
        reserved.next(Topics.PAYMENT_CHARGED, Map.of("paymentId", paymentId)));
  }
}
