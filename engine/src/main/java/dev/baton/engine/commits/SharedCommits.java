package dev.baton.engine.commits;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for calls that each would commit alone (starts, external-task outcomes): calls that
 * arrive together run in one transaction, each in its own savepoint, and every caller hears of its
 * result only after that transaction committed.
 *
 * <p>The first caller to find no transaction forming becomes its leader: it takes its own call and
 * those waiting (up to {@code callsPerTransaction}), runs them one after another on its thread with
 * each caller's context ({@link CallerContext}), commits, and hands every caller its result. Calls
 * arriving meanwhile wait for the next transaction; at most {@code concurrentTransactions} are open
 * at once. A call that fails is rolled back to its savepoint and fails alone; if the commit fails,
 * every call of the transaction fails with it and nothing of them is kept. An idle engine adds no
 * wait: a lone call leads its own transaction at once.
 */
public final class SharedCommits {

  private final TransactionTemplate shared;
  private final TransactionTemplate savepoint;
  private final IdentityService identity;
  private final int callsPerTransaction;
  private final int concurrentTransactions;
  private final long maxWaitNanos;
  private final CommitCounts counts;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition finished = lock.newCondition();
  private final ArrayDeque<Call<?>> waiting = new ArrayDeque<>();
  private int open;

  SharedCommits(
      PlatformTransactionManager transactions,
      IdentityService identity,
      int callsPerTransaction,
      int concurrentTransactions,
      Duration maxWait,
      CommitCounts counts) {
    this.shared = new TransactionTemplate(transactions);
    this.shared.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    this.identity = identity;
    this.callsPerTransaction = callsPerTransaction;
    this.concurrentTransactions = concurrentTransactions;
    this.maxWaitNanos = maxWait.toNanos();
    this.counts = counts;
  }

  /**
   * Runs {@code work} in a shared transaction and returns its result once that committed. Work
   * called inside a transaction already open on this thread runs in it, as before.
   */
  public <T> T run(Supplier<T> work) {
    if (callsPerTransaction <= 1 || TransactionSynchronizationManager.isActualTransactionActive()) {
      return work.get();
    }
    Call<T> call = new Call<>(work, CallerContext.capture(identity));
    boolean leads = false;
    boolean interrupted = false;
    lock.lock();
    try {
      waiting.add(call);
      long deadline = System.nanoTime() + maxWaitNanos;
      while (!call.done) {
        long left = deadline - System.nanoTime();
        if (!call.taken && (open < concurrentTransactions || left <= 0)) {
          // a free transaction, or waited long enough: lead one
          waiting.remove(call);
          call.taken = true;
          open++;
          leads = true;
          break;
        }
        try {
          if (call.taken) {
            finished.await();
          } else {
            finished.awaitNanos(left);
          }
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      lock.unlock();
    }
    if (leads) {
      lead(call);
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return call.outcome();
  }

  /** Shared transactions open now (for tests). */
  int open() {
    lock.lock();
    try {
      return open;
    } finally {
      lock.unlock();
    }
  }

  /** Calls waiting for a transaction (for tests). */
  int waiting() {
    lock.lock();
    try {
      return waiting.size();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs the leader's own call, then takes waiting calls one by one into the same transaction while
   * it is younger than the longest wait and not full, and commits.
   */
  private void lead(Call<?> own) {
    List<Call<?>> group = new ArrayList<>();
    group.add(own);
    long began = System.nanoTime();
    try {
      shared.executeWithoutResult(
          status -> {
            runInSavepoint(own, false);
            Call<?> next;
            while (group.size() < callsPerTransaction
                && System.nanoTime() - began < maxWaitNanos
                && (next = takeWaiting()) != null) {
              group.add(next);
              runInSavepoint(next, true);
            }
          });
      counts.committed(group.size());
    } catch (RuntimeException | Error commitFailed) {
      // nothing of the transaction is kept: no call may report success
      group.forEach(call -> call.failIfSucceeded(commitFailed));
    } finally {
      lock.lock();
      try {
        group.forEach(call -> call.done = true);
        open--;
        finished.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  private Call<?> takeWaiting() {
    lock.lock();
    try {
      Call<?> next = waiting.poll();
      if (next != null) {
        next.taken = true;
      }
      return next;
    } finally {
      lock.unlock();
    }
  }

  /** Runs one call; another caller's ({@code foreign}) with that caller's context. */
  private <T> void runInSavepoint(Call<T> call, boolean foreign) {
    try (CallerContext.Scope scope = foreign ? call.caller.enter() : CallerContext.Scope.NONE) {
      call.result = savepoint.execute(part -> call.work.get());
    } catch (RuntimeException | Error failure) {
      call.failure = failure;
    }
  }

  /** One caller's work and, once done, its outcome. Guarded by the lock but for its outcome. */
  private static final class Call<T> {
    private final Supplier<T> work;
    private final CallerContext caller;
    private boolean taken;
    private boolean done;
    private T result;
    private Throwable failure;

    Call(Supplier<T> work, CallerContext caller) {
      this.work = work;
      this.caller = caller;
    }

    void failIfSucceeded(Throwable commitFailed) {
      if (failure == null) {
        failure = commitFailed;
        result = null;
      }
    }

    T outcome() {
      if (failure instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (failure instanceof Error error) {
        throw error;
      }
      return result;
    }
  }
}
