package dev.baton.engine.instances;

import java.util.List;
import org.springframework.http.ProblemDetail;

/**
 * What a batch of starts did, item by item and in the request's order: {@code status} is what the
 * single start would have answered (201 started, 200 replayed by its idempotency key, or the
 * problem's status).
 */
public record BatchStartResult(int started, int replayed, int failed, List<ItemResult> items) {

  /** One item's outcome: its instance, or the problem that kept it from starting. */
  public record ItemResult(int index, int status, InstanceView instance, ProblemDetail problem) {}

  static BatchStartResult of(List<ItemResult> items) {
    int started = 0;
    int replayed = 0;
    int failed = 0;
    for (ItemResult item : items) {
      if (item.status() == 201) {
        started++;
      } else if (item.status() == 200) {
        replayed++;
      } else {
        failed++;
      }
    }
    return new BatchStartResult(started, replayed, failed, items);
  }
}
