package dev.baton.engine.messages;

/** Where a recorded message is: waiting for its process, delivered, expired or discarded. */
public enum MessageState {
  WAITING,
  DELIVERED,
  EXPIRED,
  DISCARDED
}
