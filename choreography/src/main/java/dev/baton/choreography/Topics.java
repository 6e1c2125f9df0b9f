package dev.baton.choreography;

import java.util.List;

/**
 * The routing keys, in one place. Who reacts to which key is decided by each service's bindings
 * ({@code bindings()} of each service class), not here: nothing in a choreography holds the whole
 * flow.
 */
public final class Topics {

  public static final String ORDER_PLACED = "order.placed";
  public static final String INVENTORY_RESERVED = "inventory.reserved";
  public static final String INVENTORY_FAILED = "inventory.failed";
  public static final String PAYMENT_CHARGED = "payment.charged";
  public static final String PAYMENT_DECLINED = "payment.declined";
  public static final String ORDER_SHIPPED = "order.shipped";
  public static final String SHIPPING_FAILED = "shipping.failed";
  public static final String ORDER_REJECTED = "order.rejected";

  /** The events after which nothing more happens to an order in the order flow. */
  public static final List<String> ORDER_ENDS =
      List.of(ORDER_SHIPPED, ORDER_REJECTED, INVENTORY_FAILED, SHIPPING_FAILED);

  private Topics() {}

  /** What step {@code n} of the generic chain publishes when done. */
  public static String stepDone(int n) {
    return "step." + n + ".done";
  }
}
