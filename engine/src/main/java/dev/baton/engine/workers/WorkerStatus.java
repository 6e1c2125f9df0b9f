package dev.baton.engine.workers;

/** Whether a worker is polling: ACTIVE if it called within its long-poll timeout plus a margin. */
public enum WorkerStatus {
  ACTIVE,
  STALE
}
