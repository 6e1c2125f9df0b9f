package dev.baton.engine.workers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A registered worker's credential: the topics it may serve and a hash of its key. */
@Entity
@Table(name = "baton_worker_credential")
public class WorkerCredential {

  @Id
  @Column(name = "worker_id", length = 64)
  private String workerId;

  @Column(nullable = false, length = 4000)
  private String topics;

  @Column(name = "key_hash", nullable = false, length = 64)
  private String keyHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by")
  private String createdBy;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected WorkerCredential() {}

  WorkerCredential(
      String workerId, String topics, String keyHash, Instant createdAt, String createdBy) {
    this.workerId = workerId;
    this.topics = topics;
    this.keyHash = keyHash;
    this.createdAt = createdAt;
    this.createdBy = createdBy;
  }

  /** Replaces a revoked credential with a new key. */
  void renew(String topics, String keyHash, Instant createdAt, String createdBy) {
    this.topics = topics;
    this.keyHash = keyHash;
    this.createdAt = createdAt;
    this.createdBy = createdBy;
    this.revokedAt = null;
  }

  void revoke(Instant at) {
    this.revokedAt = at;
  }

  boolean isActive() {
    return revokedAt == null;
  }

  public String getWorkerId() {
    return workerId;
  }

  public String getTopics() {
    return topics;
  }

  public String getKeyHash() {
    return keyHash;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getRevokedAt() {
    return revokedAt;
  }
}
