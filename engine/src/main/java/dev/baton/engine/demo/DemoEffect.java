package dev.baton.engine.demo;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One effect a demo service performed, keyed by the caller's idempotency key. */
@Entity
@Table(name = "baton_demo_effect")
public class DemoEffect {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 32)
  private String service;

  @Column(nullable = false, length = 32)
  private String operation;

  @Column(name = "idempotency_key", nullable = false, length = 255)
  private String idempotencyKey;

  @Column(nullable = false)
  private int status;

  @Column(name = "response_body", nullable = false, length = 4000)
  private String responseBody;

  /** How many requests carried this key; more than one means a retry that had no second effect. */
  @Column(nullable = false)
  private int attempts;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected DemoEffect() {}

  DemoEffect(
      String service, String operation, String idempotencyKey, int status, String responseBody) {
    this.service = service;
    this.operation = operation;
    this.idempotencyKey = idempotencyKey;
    this.status = status;
    this.responseBody = responseBody;
    this.attempts = 1;
    this.createdAt = Instant.now();
  }

  void countRepeat() {
    attempts++;
  }

  public String getService() {
    return service;
  }

  public String getOperation() {
    return operation;
  }

  public String getIdempotencyKey() {
    return idempotencyKey;
  }

  public int getStatus() {
    return status;
  }

  public String getResponseBody() {
    return responseBody;
  }

  public int getAttempts() {
    return attempts;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
