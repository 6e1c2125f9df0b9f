package dev.baton.engine.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

/**
 * The events a transaction hands to the stream: only after its commit, without those of work rolled
 * back to a savepoint, none after a rollback.
 */
class CommittedEventsTest {

  private final List<List<OutboxEvent>> handed = new ArrayList<>();

  @BeforeEach
  void transactionBegins() {
    TransactionSynchronizationManager.initSynchronization();
  }

  @AfterEach
  void transactionEnds() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.clearSynchronization();
    }
    TransactionSynchronizationManager.unbindResourceIfPossible(CommittedEvents.class);
  }

  @Test
  void shouldHandOnNothingBeforeTheCommitAndEverythingInOrderAfterIt() {
    // given two commands' events in one transaction
    CommittedEvents.add(List.of(event("a1"), event("a2")), handed::add);
    CommittedEvents.add(List.of(event("b1")), handed::add);

    // then nothing before the commit
    assertThat(handed).isEmpty();

    // when it commits
    commit();

    // then all of them, once, in order
    assertThat(handed).hasSize(1);
    assertThat(handed.get(0)).extracting(OutboxEvent::eventId).containsExactly("a1", "a2", "b1");
  }

  @Test
  void shouldDropTheEventsOfWorkRolledBackToItsSavepoint() {
    // given a job that committed its savepoint, then one rolled back to its own, then a third
    Object second = new Object();
    Object third = new Object();
    // (the list registers with the first events, after the first job's savepoint was taken)
    CommittedEvents.add(List.of(event("job1")), handed::add);
    savepoint(second);
    CommittedEvents.add(List.of(event("job2-step"), event("job2-end")), handed::add);
    rollbackTo(second);
    savepoint(third);
    CommittedEvents.add(List.of(event("job3")), handed::add);

    // when the transaction commits
    commit();

    // then the second job's events are not among them
    assertThat(handed.get(0)).extracting(OutboxEvent::eventId).containsExactly("job1", "job3");
  }

  @Test
  void shouldDropEverythingWhenRolledBackToASavepointOlderThanItsEvents() {
    // given events written after a savepoint taken before any of them
    Object older = new Object();
    CommittedEvents.add(List.of(event("x1")), handed::add);
    CommittedEvents.add(List.of(event("x2")), handed::add);

    // when the work rolls back to that savepoint, and the transaction commits
    rollbackTo(older);
    commit();

    // then nothing is handed on
    assertThat(handed).isEmpty();
  }

  @Test
  void shouldHandOnNothingWhenTheTransactionRollsBack() {
    // given
    CommittedEvents.add(List.of(event("r1")), handed::add);

    // when
    List<TransactionSynchronization> synchronizations =
        TransactionSynchronizationManager.getSynchronizations();
    TransactionSynchronizationManager.clearSynchronization();
    TransactionSynchronizationUtils.invokeAfterCompletion(
        synchronizations, TransactionSynchronization.STATUS_ROLLED_BACK);

    // then
    assertThat(handed).isEmpty();
    assertThat(TransactionSynchronizationManager.hasResource(CommittedEvents.class)).isFalse();
  }

  @Test
  void shouldKeepASuspendedTransactionsEventsApartFromTheInnerOnes() {
    // given the outer transaction's events, and an inner transaction (REQUIRES_NEW) beginning
    List<List<OutboxEvent>> inner = new ArrayList<>();
    CommittedEvents.add(List.of(event("outer")), handed::add);
    List<TransactionSynchronization> outer =
        TransactionSynchronizationManager.getSynchronizations();
    outer.forEach(TransactionSynchronization::suspend);
    TransactionSynchronizationManager.clearSynchronization();
    TransactionSynchronizationManager.initSynchronization();

    // when the inner one writes and commits, then the outer resumes and commits
    CommittedEvents.add(List.of(event("inner")), inner::add);
    commit();
    TransactionSynchronizationManager.initSynchronization();
    outer.forEach(
        synchronization -> {
          synchronization.resume();
          TransactionSynchronizationManager.registerSynchronization(synchronization);
        });
    commit();

    // then each got its own
    assertThat(inner.get(0)).extracting(OutboxEvent::eventId).containsExactly("inner");
    assertThat(handed.get(0)).extracting(OutboxEvent::eventId).containsExactly("outer");
  }

  private static void savepoint(Object savepoint) {
    TransactionSynchronizationManager.getSynchronizations().forEach(s -> s.savepoint(savepoint));
  }

  private static void rollbackTo(Object savepoint) {
    TransactionSynchronizationManager.getSynchronizations()
        .forEach(s -> s.savepointRollback(savepoint));
  }

  /** What Spring does at a commit: afterCommit, then afterCompletion, then clears. */
  private static void commit() {
    List<TransactionSynchronization> synchronizations =
        TransactionSynchronizationManager.getSynchronizations();
    TransactionSynchronizationUtils.invokeAfterCommit(synchronizations);
    TransactionSynchronizationManager.clearSynchronization();
    TransactionSynchronizationUtils.invokeAfterCompletion(
        synchronizations, TransactionSynchronization.STATUS_COMMITTED);
  }

  static OutboxEvent event(String id) {
    return new OutboxEvent(
        id,
        EventType.STEP_COMPLETED,
        "order",
        "instance-1",
        "order-1",
        "step",
        "{\"activityType\":\"serviceTask\"}",
        Instant.parse("2026-12-02T12:00:00Z"));
  }
}
