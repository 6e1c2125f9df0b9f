package dev.baton.engine.instances;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import org.springframework.data.domain.Persistable;

/** An idempotency key of a start: which request it was used for and which instance it started. */
@Entity
@Table(name = "baton_start_key")
class StartKey implements Persistable<String> {

  @Id
  @Column(name = "idempotency_key")
  private String idempotencyKey;

  @Column(name = "process_key", nullable = false)
  private String processKey;

  @Column(name = "request_hash", nullable = false, length = 64)
  private String requestHash;

  @Column(name = "instance_id", length = 64)
  private String instanceId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** A new key is inserted, never merged: a key taken meanwhile fails the insert. */
  @Transient private boolean inserting;

  protected StartKey() {}

  StartKey(String idempotencyKey, String processKey, String requestHash, Instant createdAt) {
    this.idempotencyKey = idempotencyKey;
    this.processKey = processKey;
    this.requestHash = requestHash;
    this.createdAt = createdAt;
    this.inserting = true;
  }

  @Override
  public String getId() {
    return idempotencyKey;
  }

  @Override
  public boolean isNew() {
    return inserting;
  }

  String getRequestHash() {
    return requestHash;
  }

  String getProcessKey() {
    return processKey;
  }

  String getInstanceId() {
    return instanceId;
  }

  void started(String instanceId) {
    this.instanceId = instanceId;
  }
}
