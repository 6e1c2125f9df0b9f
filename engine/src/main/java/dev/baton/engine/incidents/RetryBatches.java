package dev.baton.engine.incidents;

import dev.baton.engine.system.BadRequestException;
import dev.baton.engine.system.NotFoundException;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * Bulk retries, run one incident after another in the background as the user who asked, with a
 * result per incident. An incident already being retried by another batch is skipped, and one that
 * closed meanwhile is skipped: nothing is retried twice. Batches live in this node's memory (the
 * last {@value #KEPT} are kept), so the console polls the node it started the batch on.
 */
@Component
public class RetryBatches {

  static final int KEPT = 100;
  static final int MAX_ITEMS = 1_000;

  private final IncidentService incidents;
  private final IdentityService identity;
  private final ExecutorService runner =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread thread = new Thread(r, "baton-retry-batches");
            thread.setDaemon(true);
            return thread;
          });
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private final Map<String, RetryBatch> batches =
      java.util.Collections.synchronizedMap(
          new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, RetryBatch> eldest) {
              return size() > KEPT;
            }
          });

  RetryBatches(IncidentService incidents, IdentityService identity) {
    this.incidents = incidents;
    this.identity = identity;
  }

  /** Starts a batch for these incidents (duplicates removed) and returns it at once. */
  public RetryBatch start(List<String> incidentIds, String user, List<String> groups) {
    List<String> unique = new ArrayList<>(new LinkedHashSet<>(incidentIds));
    if (unique.isEmpty() || unique.size() > MAX_ITEMS) {
      throw new BadRequestException("incidentIds must name 1 to " + MAX_ITEMS + " incidents");
    }
    RetryBatch batch = new RetryBatch(UUID.randomUUID().toString(), user, unique);
    batches.put(batch.id(), batch);
    runner.submit(() -> run(batch, groups));
    return batch;
  }

  public RetryBatch get(String batchId) {
    RetryBatch batch = batches.get(batchId);
    if (batch == null) {
      throw new NotFoundException("No retry batch '" + batchId + "' on this node");
    }
    return batch;
  }

  private void run(RetryBatch batch, List<String> groups) {
    identity.setAuthentication(batch.user(), groups);
    try {
      List<RetryBatch.Item> items = batch.items();
      for (int i = 0; i < items.size(); i++) {
        retry(batch, i, items.get(i).incidentId());
      }
    } finally {
      identity.clearAuthentication();
    }
  }

  private void retry(RetryBatch batch, int index, String incidentId) {
    if (!inFlight.add(incidentId)) {
      batch.result(index, RetryBatch.Status.SKIPPED, "Another batch is retrying it");
      return;
    }
    try {
      if (!incidents.isOpen(incidentId)) {
        batch.result(index, RetryBatch.Status.SKIPPED, "Already resolved");
        return;
      }
      incidents.retry(incidentId);
      batch.result(index, RetryBatch.Status.RETRIED, null);
    } catch (RuntimeException e) {
      batch.result(index, RetryBatch.Status.FAILED, e.getMessage());
    } finally {
      inFlight.remove(incidentId);
    }
  }

  @PreDestroy
  void stop() {
    runner.shutdownNow();
  }
}
