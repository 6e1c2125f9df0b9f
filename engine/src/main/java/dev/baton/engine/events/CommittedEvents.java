package dev.baton.engine.events;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The process events a transaction wrote to the outbox, handed on once it has committed and never
 * before. Work rolled back to a savepoint (a failing job or start sharing a commit with others)
 * takes its events out of the list, as the rollback takes its rows out of the outbox; a transaction
 * rolled back as a whole hands on nothing. One per transaction, found through the transaction's
 * resources; a transaction suspended for another (REQUIRES_NEW) keeps its own.
 */
final class CommittedEvents implements TransactionSynchronization {

  private final Consumer<List<OutboxEvent>> committed;
  private final List<OutboxEvent> events = new ArrayList<>();

  /** Savepoints created since this list was registered, and how many events preceded each. */
  private final Map<Object, Integer> savepoints = new IdentityHashMap<>();

  private CommittedEvents(Consumer<List<OutboxEvent>> committed) {
    this.committed = committed;
  }

  /**
   * Adds {@code rows}, just written in the current Spring transaction, to what {@code committed}
   * gets after its commit. Runs on the engine's thread: adds to a list, nothing more.
   */
  static void add(List<OutboxEvent> rows, Consumer<List<OutboxEvent>> committed) {
    CommittedEvents current = (CommittedEvents) TransactionSynchronizationManager.getResource(KEY);
    if (current == null) {
      current = new CommittedEvents(committed);
      TransactionSynchronizationManager.registerSynchronization(current);
      TransactionSynchronizationManager.bindResource(KEY, current);
    }
    current.events.addAll(rows);
  }

  private static final Object KEY = CommittedEvents.class;

  @Override
  public void savepoint(Object savepoint) {
    savepoints.put(savepoint, events.size());
  }

  @Override
  public void savepointRollback(Object savepoint) {
    // a savepoint this list never heard of is older than all of its events
    int keep = Math.min(savepoints.getOrDefault(savepoint, 0), events.size());
    events.subList(keep, events.size()).clear();
  }

  @Override
  public void suspend() {
    TransactionSynchronizationManager.unbindResource(KEY);
  }

  @Override
  public void resume() {
    TransactionSynchronizationManager.bindResource(KEY, this);
  }

  @Override
  public void afterCommit() {
    if (!events.isEmpty()) {
      committed.accept(List.copyOf(events));
    }
  }

  @Override
  public void afterCompletion(int status) {
    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
    events.clear();
    savepoints.clear();
  }
}
