package dev.baton.engine.batches;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Persistable;

/** One operation a person started on many instances, and the Camunda batches doing it. */
@Entity
@Table(name = "baton_batch")
class BatchRecord implements Persistable<String> {

  @Id private String id;

  @Column(nullable = false, length = 32)
  private String type;

  @Column(nullable = false)
  private long total;

  @Column(name = "started_by")
  private String startedBy;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(length = 4000)
  private String reason;

  @Column(nullable = false)
  private boolean canceled;

  @Column(name = "done_at_cancel")
  private Long doneAtCancel;

  @Column(name = "failed_at_cancel")
  private Long failedAtCancel;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "baton_batch_part", joinColumns = @JoinColumn(name = "batch_id"))
  @Column(name = "camunda_batch_id", nullable = false, length = 64)
  private List<String> camundaBatchIds = new ArrayList<>();

  @Transient private boolean inserting;

  protected BatchRecord() {}

  BatchRecord(
      String id,
      String type,
      long total,
      String startedBy,
      Instant startedAt,
      String reason,
      List<String> camundaBatchIds) {
    this.id = id;
    this.type = type;
    this.total = total;
    this.startedBy = startedBy;
    this.startedAt = startedAt;
    this.reason = reason;
    this.camundaBatchIds = new ArrayList<>(camundaBatchIds);
    this.inserting = true;
  }

  @Override
  public String getId() {
    return id;
  }

  @Override
  public boolean isNew() {
    return inserting;
  }

  String getType() {
    return type;
  }

  long getTotal() {
    return total;
  }

  String getStartedBy() {
    return startedBy;
  }

  Instant getStartedAt() {
    return startedAt;
  }

  String getReason() {
    return reason;
  }

  boolean isCanceled() {
    return canceled;
  }

  Long getDoneAtCancel() {
    return doneAtCancel;
  }

  Long getFailedAtCancel() {
    return failedAtCancel;
  }

  List<String> getCamundaBatchIds() {
    return List.copyOf(camundaBatchIds);
  }

  /** Marks it canceled, keeping how far it had come (Camunda forgets a deleted batch's jobs). */
  void canceled(long done, long failed) {
    this.canceled = true;
    this.doneAtCancel = done;
    this.failedAtCancel = failed;
  }
}
