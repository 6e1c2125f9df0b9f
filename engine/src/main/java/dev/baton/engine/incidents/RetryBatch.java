package dev.baton.engine.incidents;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A bulk retry in progress: one item per incident, each with its result. */
public final class RetryBatch {

  /** What happened to one incident of the batch. */
  public enum Status {
    PENDING,
    RETRIED,
    FAILED,
    SKIPPED
  }

  /** One incident's line in the batch. */
  public record Item(String incidentId, Status status, String message) {}

  private final String id;
  private final String user;
  private final List<Item> items;
  private final AtomicInteger done = new AtomicInteger();

  RetryBatch(String id, String user, List<String> incidentIds) {
    this.id = id;
    this.user = user;
    this.items =
        new ArrayList<>(incidentIds.stream().map(i -> new Item(i, Status.PENDING, null)).toList());
  }

  String id() {
    return id;
  }

  String user() {
    return user;
  }

  synchronized List<Item> items() {
    return List.copyOf(items);
  }

  synchronized void result(int index, Status status, String message) {
    items.set(index, new Item(items.get(index).incidentId(), status, message));
    done.incrementAndGet();
  }

  /** The batch as the console polls it. */
  public synchronized RetryBatchView view() {
    long succeeded = items.stream().filter(i -> i.status() == Status.RETRIED).count();
    long failed = items.stream().filter(i -> i.status() == Status.FAILED).count();
    return new RetryBatchView(
        id,
        items.size(),
        done.get(),
        succeeded,
        failed,
        done.get() == items.size(),
        List.copyOf(items));
  }

  /** The batch as the console polls it. */
  public record RetryBatchView(
      String id,
      int total,
      int done,
      long succeeded,
      long failed,
      boolean finished,
      List<Item> items) {}
}
