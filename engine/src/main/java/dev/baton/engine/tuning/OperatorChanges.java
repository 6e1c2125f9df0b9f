package dev.baton.engine.tuning;

/**
 * Marks the variable changes an operator makes by hand, so {@link LeanHistoryEventHandler} keeps
 * their history details even when variable details are off: each detail carries the operation id of
 * its user-operation log entry, which is how the instance page names the variable and value a "Set
 * variable" entry changed (the engine logs that entry without them). The engine writes history on
 * the calling thread, inside the command.
 */
public final class OperatorChanges {

  private static final ThreadLocal<Boolean> RECORDING = ThreadLocal.withInitial(() -> false);

  private OperatorChanges() {}

  /** Runs {@code change} with its variable details written to history. */
  public static void recorded(Runnable change) {
    boolean outer = RECORDING.get();
    RECORDING.set(true);
    try {
      change.run();
    } finally {
      RECORDING.set(outer);
    }
  }

  static boolean recording() {
    return RECORDING.get();
  }
}
