package dev.baton.engine.webhooks;

import java.time.Duration;

/**
 * When a failed delivery is tried again: {@code first} after the first attempt, doubling with each
 * further failed attempt, never more than {@code max}; given up after {@code maxAttempts}.
 */
record RetrySchedule(Duration first, Duration max, int maxAttempts) {

  /** The wait after {@code attempts} failed attempts (1 or more), or null: give up. */
  Duration after(int attempts) {
    if (attempts >= maxAttempts) {
      return null;
    }
    Duration wait = first;
    for (int i = 1; i < attempts && wait.compareTo(max) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(max) > 0 ? max : wait;
  }
}
