package dev.baton.engine.batches;

/** Where an operation on many instances stands. */
public enum BatchState {
  /** Items are still to run. */
  RUNNING,
  /** Every item ran: succeeded or failed for good (see the failures). */
  COMPLETED,
  /** Someone canceled it; the items not run by then never will be. */
  CANCELED
}
