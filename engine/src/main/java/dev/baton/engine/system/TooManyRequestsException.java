package dev.baton.engine.system;

import java.time.Duration;

/**
 * The caller must wait before trying again (e.g. too many wrong passwords): 429 with Retry-After.
 */
public class TooManyRequestsException extends RuntimeException {

  private final Duration retryAfter;

  public TooManyRequestsException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  /** Whole seconds to wait, at least one. */
  public long retryAfterSeconds() {
    return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }
}
