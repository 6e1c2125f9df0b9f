package dev.baton.engine.batches;

import dev.baton.engine.batches.BatchProgress.Progress;
import dev.baton.engine.system.ConflictException;
import dev.baton.engine.system.NotFoundException;
import dev.baton.engine.system.PageView;
import dev.baton.engine.system.Paging;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Operations on many instances, recorded with who started them and why; the work is done by Camunda
 * batches (job executor, any node), and progress is read from the engine's tables on every call, so
 * every node answers the same.
 */
@Service
public class BatchService {

  /** The operations Baton records (also the {@code type} of a {@link BatchView}). */
  public static final List<String> TYPES =
      List.of("cancel", "suspend", "activate", "retry", "delete-history", "migrate");

  private final BatchRecordRepository records;
  private final BatchProgress progress;
  private final ManagementService management;
  private final IdentityService identity;
  private final Clock clock;

  BatchService(
      BatchRecordRepository records,
      BatchProgress progress,
      ManagementService management,
      IdentityService identity,
      Clock clock) {
    this.records = records;
    this.progress = progress;
    this.management = management;
    this.identity = identity;
    this.clock = clock;
  }

  /** Records an operation just started as these Camunda batches, by the signed-in user. */
  public BatchView track(String type, long total, List<Batch> batches) {
    return track(type, total, batches, null);
  }

  /** As {@link #track(String, long, List)}, with the reason the person gave. */
  public BatchView track(String type, long total, List<Batch> batches, String reason) {
    if (!TYPES.contains(type)) {
      throw new IllegalArgumentException("Unknown batch type " + type);
    }
    BatchRecord record =
        records.save(
            new BatchRecord(
                UUID.randomUUID().toString(),
                type,
                total,
                currentUser(),
                clock.instant(),
                reason,
                batches.stream().map(Batch::getId).toList()));
    return view(record);
  }

  /** Operations newest first. */
  public PageView<BatchView> list(Paging paging) {
    var page =
        records.findAll(
            PageRequest.of(
                paging.page(),
                paging.size(),
                Sort.by(Sort.Order.desc("startedAt"), Sort.Order.asc("id"))));
    return new PageView<>(
        page.getContent().stream().map(this::view).toList(),
        paging.page(),
        paging.size(),
        page.getTotalElements());
  }

  public BatchView get(String id) {
    return view(find(id));
  }

  /**
   * Cancels a running operation: its Camunda batches are deleted (their history stays), so the
   * items not run by now never run. A finished or canceled one is a conflict.
   */
  @Transactional
  public BatchView cancel(String id) {
    BatchRecord record = find(id);
    BatchView now = view(record);
    if (now.state() != BatchState.RUNNING) {
      throw new ConflictException(
          "Batch '"
              + id
              + "' is "
              + now.state().name().toLowerCase()
              + "; only a running one can"
              + " be canceled");
    }
    for (String batchId : record.getCamundaBatchIds()) {
      if (management.createBatchQuery().batchId(batchId).count() > 0) {
        management.deleteBatch(batchId, false);
      }
    }
    record.canceled(now.done(), now.failed());
    return view(records.save(record));
  }

  private BatchRecord find(String id) {
    return records
        .findById(id)
        .orElseThrow(() -> new NotFoundException("No batch with id '" + id + "'"));
  }

  private BatchView view(BatchRecord record) {
    if (record.isCanceled()) {
      return new BatchView(
          record.getId(),
          record.getType(),
          record.getTotal(),
          record.getDoneAtCancel() == null ? 0 : record.getDoneAtCancel(),
          record.getFailedAtCancel() == null ? 0 : record.getFailedAtCancel(),
          BatchState.CANCELED,
          record.getStartedBy(),
          record.getStartedAt(),
          record.getReason(),
          List.of());
    }
    Progress now = progress.of(record.getCamundaBatchIds());
    long done = Math.max(0, record.getTotal() - now.remaining());
    boolean pending = now.remaining() > now.failed();
    return new BatchView(
        record.getId(),
        record.getType(),
        record.getTotal(),
        done,
        now.failed(),
        pending ? BatchState.RUNNING : BatchState.COMPLETED,
        record.getStartedBy(),
        record.getStartedAt(),
        record.getReason(),
        now.failures());
  }

  private String currentUser() {
    Authentication engineUser = identity.getCurrentAuthentication();
    if (engineUser != null) {
      return engineUser.getUserId();
    }
    var spring = SecurityContextHolder.getContext().getAuthentication();
    return spring == null ? null : spring.getName();
  }
}
