package dev.baton.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.adapters.BusinessRejectionException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks on a bounded pool instead of the client's one fetch thread, and sizes each fetch to
 * the pool's free threads.
 *
 * <p>The client calls its handlers one after another on its fetch thread. The handlers made here
 * hand each task to a pool of {@code maxTasks} threads and return. Before each fetch, {@link
 * FetchLimit} waits until a thread is free and asks the engine for no more tasks than there are
 * free threads ({@link #awaitFreeSlots()}), so every task the engine locks for this worker starts
 * at once: none waits locked for a thread. Outcomes are reported from the pool threads through the
 * client's {@link ExternalTaskService}. {@link #close(Duration)} stops taking tasks, lets running
 * ones finish for a grace period, and unlocks the rest so another worker can take them at once.
 *
 * <p>One dispatcher serves one client (one fetch loop): only that loop takes slots, so the free
 * slots counted before a fetch are still free when its tasks arrive.
 */
public final class TaskDispatcher {

  private static final Logger log = LoggerFactory.getLogger(TaskDispatcher.class);

  private final int maxTasks;
  private final FailurePolicy failures;
  private final ObjectMapper mapper;
  private final ExecutorService pool;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition slotFreed = lock.newCondition();
  private final Map<String, Claim> running = new ConcurrentHashMap<>();
  private int busy;
  private volatile boolean closing;

  public TaskDispatcher(int maxTasks, FailurePolicy failures, ObjectMapper mapper) {
    if (maxTasks < 1) {
      throw new IllegalArgumentException("maxTasks must be at least 1");
    }
    this.maxTasks = maxTasks;
    this.failures = failures;
    this.mapper = mapper;
    this.pool = Executors.newFixedThreadPool(maxTasks, threads());
  }

  /** The client-side handler of one topic: queues its tasks on this dispatcher's pool. */
  public ExternalTaskHandler handlerFor(TopicHandler handler) {
    return (task, service) -> dispatch(task, service, handler);
  }

  /** Tasks running now. */
  public int running() {
    return running.size();
  }

  private void dispatch(ExternalTask task, ExternalTaskService service, TopicHandler handler) {
    if (!takeSlot()) {
      giveBack(task, service, "the worker is shutting down");
      return;
    }
    Claim claim = new Claim(task, service);
    running.put(task.getId(), claim);
    try {
      pool.execute(() -> work(claim, handler));
    } catch (RejectedExecutionException e) {
      running.remove(task.getId());
      releaseSlot();
      giveBack(task, service, "the worker is shutting down");
      return;
    }
  }

  private void work(Claim claim, TopicHandler handler) {
    ExternalTask task = claim.task();
    try {
      Outcome outcome = outcome(task, handler);
      if (running.remove(task.getId(), claim)) {
        outcome.report(task, claim.service());
      } else {
        log.debug("Task {} was given back during shutdown; its outcome is dropped", task.getId());
      }
    } catch (RuntimeException e) {
      // e.g. the lock expired and another worker took the task, or the engine is unreachable
      log.warn(
          "Topic {}: the outcome of task {} could not be reported: {}",
          task.getTopicName(),
          task.getId(),
          FailurePolicy.message(e));
    } finally {
      running.remove(task.getId(), claim);
      releaseSlot();
    }
  }

  /** Runs the handler; the outcome is logged and reported only if the task is still ours. */
  private Outcome outcome(ExternalTask task, TopicHandler handler) {
    try {
      Map<String, Object> variables = TaskVariables.toClient(handler.handle(task), mapper);
      return (t, service) -> service.complete(t, variables);
    } catch (BusinessRejectionException rejection) {
      return (t, service) -> {
        log.info(
            "Topic {}: task {} rejected: {} {}",
            t.getTopicName(),
            t.getId(),
            rejection.errorCode(),
            rejection.getMessage());
        service.handleBpmnError(t, rejection.errorCode(), rejection.getMessage());
      };
    } catch (Exception failure) {
      int retriesLeft = failures.retriesLeft(task);
      return (t, service) -> {
        log.warn(
            "Topic {}: task {} failed ({} retries left): {}",
            t.getTopicName(),
            t.getId(),
            retriesLeft,
            FailurePolicy.message(failure));
        service.handleFailure(
            t,
            FailurePolicy.message(failure),
            FailurePolicy.details(failure),
            retriesLeft,
            failures.retryTimeoutMillis());
      };
    }
  }

  /**
   * Stops taking tasks, waits up to {@code grace} for running ones, then unlocks and abandons those
   * still running. Returns how many were unlocked.
   */
  public int close(Duration grace) {
    lock.lock();
    try {
      closing = true;
      slotFreed.signalAll();
    } finally {
      lock.unlock();
    }
    pool.shutdown();
    try {
      if (pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        return 0;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // claim before interrupting, so an interrupted handler cannot report a failure and use a retry
    int unlocked = 0;
    for (Claim claim : running.values()) {
      if (running.remove(claim.task().getId(), claim)) {
        giveBack(claim.task(), claim.service(), "it did not finish within " + grace);
        unlocked++;
      }
    }
    pool.shutdownNow();
    return unlocked;
  }

  private void giveBack(ExternalTask task, ExternalTaskService service, String why) {
    try {
      service.unlock(task);
      log.info("Topic {}: task {} unlocked: {}", task.getTopicName(), task.getId(), why);
    } catch (RuntimeException e) {
      log.warn(
          "Topic {}: task {} could not be unlocked ({}); it is free again when its lock expires",
          task.getTopicName(),
          task.getId(),
          FailurePolicy.message(e));
    }
  }

  /**
   * Takes a slot for a fetched task. Waits only if a fetch brought more tasks than it was sized for
   * (a fetch {@link FetchLimit} could not size); the fetch loop then holds until a thread is free.
   */
  private boolean takeSlot() {
    lock.lock();
    try {
      while (busy >= maxTasks && !closing) {
        slotFreed.awaitUninterruptibly();
      }
      if (closing) {
        return false;
      }
      busy++;
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until at least one thread is free and returns how many are; {@code 0} once closing. The
   * fetch loop calls it before each fetch and asks the engine for at most that many tasks.
   */
  int awaitFreeSlots() {
    lock.lock();
    try {
      while (busy >= maxTasks && !closing) {
        slotFreed.awaitUninterruptibly();
      }
      return closing ? 0 : maxTasks - busy;
    } finally {
      lock.unlock();
    }
  }

  private void releaseSlot() {
    lock.lock();
    try {
      busy--;
      slotFreed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private static ThreadFactory threads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "baton-worker-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** A running task and the service to report it through; removing it from the map claims it. */
  private record Claim(ExternalTask task, ExternalTaskService service) {}

  /** What to tell the engine about a task. */
  @FunctionalInterface
  private interface Outcome {
    void report(ExternalTask task, ExternalTaskService service);
  }
}
