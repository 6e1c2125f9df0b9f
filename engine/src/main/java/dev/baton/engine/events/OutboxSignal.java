package dev.baton.engine.events;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Wakes the publisher when a transaction that wrote outbox rows has committed. */
final class OutboxSignal {

  private final Semaphore written = new Semaphore(0);

  /** Rows were committed. */
  void written() {
    if (written.availablePermits() == 0) {
      written.release();
    }
  }

  /** Waits until rows were committed or {@code timeout} passed; clears the signal. */
  void await(Duration timeout) throws InterruptedException {
    if (written.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      written.drainPermits();
    }
  }
}
