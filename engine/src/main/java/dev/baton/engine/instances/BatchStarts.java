package dev.baton.engine.instances;

import dev.baton.engine.system.BadRequestException;
import dev.baton.engine.system.ProblemAdvice;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk loads: many starts of one process, {@value #PER_TRANSACTION} to a transaction, each in its
 * own savepoint. An item that fails (bad variables, a key used for another request, a failing first
 * step) is rolled back alone and answered with its problem; the others start. Every answer is given
 * after its transaction committed; if a commit fails, its items are answered with that failure and
 * none of them started.
 */
@Service
public class BatchStarts {

  static final int MAX_ITEMS = 1000;
  static final int PER_TRANSACTION = 100;

  private final StartKeys startKeys;
  private final ProblemAdvice problems;
  private final TransactionTemplate transaction;
  private final TransactionTemplate savepoint;

  BatchStarts(
      StartKeys startKeys, ProblemAdvice problems, PlatformTransactionManager transactions) {
    this.startKeys = startKeys;
    this.problems = problems;
    this.transaction = new TransactionTemplate(transactions);
    this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  public BatchStartResult start(
      String processKey, BatchStartRequest request, HttpServletRequest http) {
    List<BatchStartRequest.Item> items = request.instances();
    refuseRepeatedKeys(items);
    List<BatchStartResult.ItemResult> results = new ArrayList<>();
    for (int from = 0; from < items.size(); from += PER_TRANSACTION) {
      results.addAll(
          startPart(processKey, items, from, Math.min(items.size(), from + PER_TRANSACTION), http));
    }
    return BatchStartResult.of(results);
  }

  private List<BatchStartResult.ItemResult> startPart(
      String processKey,
      List<BatchStartRequest.Item> items,
      int from,
      int to,
      HttpServletRequest http) {
    List<BatchStartResult.ItemResult> results = new ArrayList<>();
    try {
      transaction.executeWithoutResult(
          status -> {
            for (int index = from; index < to; index++) {
              results.add(startItem(processKey, items.get(index), index, http));
            }
          });
      return results;
    } catch (RuntimeException commitFailed) {
      // nothing of this part was kept: no item of it may read as started
      List<BatchStartResult.ItemResult> failed = new ArrayList<>();
      ProblemDetail problem = problems.describe(commitFailed, http);
      for (int index = from; index < to; index++) {
        failed.add(new BatchStartResult.ItemResult(index, problem.getStatus(), null, problem));
      }
      return failed;
    }
  }

  private BatchStartResult.ItemResult startItem(
      String processKey, BatchStartRequest.Item item, int index, HttpServletRequest http) {
    try {
      StartKeys.Outcome outcome =
          savepoint.execute(
              part ->
                  startKeys.startInOpenTransaction(
                      processKey, item.request(), item.idempotencyKey()));
      return new BatchStartResult.ItemResult(
          index, outcome.replayed() ? 200 : 201, outcome.instance(), null);
    } catch (RuntimeException failure) {
      ProblemDetail problem = problems.describe(failure, http);
      return new BatchStartResult.ItemResult(index, problem.getStatus(), null, problem);
    }
  }

  private static void refuseRepeatedKeys(List<BatchStartRequest.Item> items) {
    Set<String> seen = new HashSet<>();
    for (int index = 0; index < items.size(); index++) {
      String key = items.get(index).idempotencyKey();
      if (key != null && !seen.add(key)) {
        throw new BadRequestException(
            "instances["
                + index
                + "] repeats the idempotency key '"
                + key
                + "' of an earlier item");
      }
    }
  }
}
