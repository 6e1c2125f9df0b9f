package dev.baton.engine.workers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A worker as stored: what it last asked for and the totals every node has added. */
@Entity
@Table(name = "baton_worker")
public class WorkerRecord {

  @Id
  @Column(name = "worker_id", length = 255)
  private String workerId;

  @Column(nullable = false, length = 4000)
  private String topics;

  @Column(name = "first_seen", nullable = false)
  private Instant firstSeen;

  @Column(name = "last_seen", nullable = false)
  private Instant lastSeen;

  @Column(name = "remote_address", length = 64)
  private String remoteAddress;

  @Column(name = "long_poll_millis", nullable = false)
  private long longPollMillis;

  @Column(nullable = false)
  private long fetched;

  @Column(nullable = false)
  private long completed;

  @Column(nullable = false)
  private long failed;

  @Column(name = "bpmn_errors", nullable = false)
  private long bpmnErrors;

  protected WorkerRecord() {}

  WorkerRecord(WorkerActivity activity) {
    this.workerId = activity.workerId();
    this.topics = activity.topicsCsv();
    this.firstSeen = activity.firstSeen();
    this.lastSeen = activity.lastSeen();
    this.remoteAddress = activity.remoteAddress();
    this.longPollMillis = activity.longPollMillis();
    this.fetched = activity.fetched();
    this.completed = activity.completed();
    this.failed = activity.failed();
    this.bpmnErrors = activity.bpmnErrors();
  }

  public String getWorkerId() {
    return workerId;
  }

  public String getTopics() {
    return topics;
  }

  public Instant getFirstSeen() {
    return firstSeen;
  }

  public Instant getLastSeen() {
    return lastSeen;
  }

  public String getRemoteAddress() {
    return remoteAddress;
  }

  public long getLongPollMillis() {
    return longPollMillis;
  }

  public long getFetched() {
    return fetched;
  }

  public long getCompleted() {
    return completed;
  }

  public long getFailed() {
    return failed;
  }

  public long getBpmnErrors() {
    return bpmnErrors;
  }
}
