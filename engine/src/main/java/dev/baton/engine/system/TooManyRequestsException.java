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
    return secondsToWait(retryAfter);
  }

  /**
   * A wait as Retry-After states it: whole seconds, rounded up so that a caller who waits that long
   * is let in, and at least one.
   */
  public static long secondsToWait(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }
}
