package dev.baton.choreography;

/**
 * Makes the step at {@code fail-step} fail for a {@code fail-fraction} of orders, the same orders
 * on every delivery and in every process (chosen by a hash of the order id), so a comparison can
 * count which orders are stuck and who knows it.
 */
public final class FailureInjector {

  private final int step;
  private final double fraction;

  FailureInjector(int step, double fraction) {
    this.step = step;
    this.fraction = fraction;
  }

  static FailureInjector of(Settings settings) {
    return new FailureInjector(settings.integer("fail-step"), settings.fraction("fail-fraction"));
  }

  /** Whether the order fails at this position of the flow. */
  public boolean failsAt(int position, String orderId) {
    return step > 0 && position == step && chosen(orderId, fraction);
  }

  /** Whether the order is among a {@code fraction} of all orders (the same ones every time). */
  public static boolean chosen(String orderId, double fraction) {
    return fraction > 0 && bucket(orderId) < fraction;
  }

  /** The order's place in [0, 1), spread evenly over order ids. */
  static double bucket(String orderId) {
    long h = orderId.hashCode();
    // a 64-bit finalizer (MurmurHash3's): neighbouring ids land far apart
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return (h >>> 11) * 0x1.0p-53;
  }
}
