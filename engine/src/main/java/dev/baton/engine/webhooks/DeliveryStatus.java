package dev.baton.engine.webhooks;

/** Where a delivery stands: waiting for (another) attempt, received with a 2xx, or given up. */
public enum DeliveryStatus {
  PENDING,
  DELIVERED,
  FAILED
}
