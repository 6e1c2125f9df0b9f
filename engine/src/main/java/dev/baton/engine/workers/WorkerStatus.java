package dev.baton.engine.workers;

/**
 * Whether a worker is polling: ACTIVE if it called within its long-poll timeout plus a margin,
 * STALE if it called before but not since, REGISTERED if it holds a key and has never called.
 */
public enum WorkerStatus {
  ACTIVE,
  STALE,
  REGISTERED
}
