package dev.baton.engine.deployments;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Who deployed a diagram through Baton, when, and why (the engine keeps no such note). */
@Entity
@Table(name = "baton_deployment_note")
public class DeploymentNote {

  @Id
  @Column(name = "deployment_id", length = 64)
  private String deploymentId;

  @Column(name = "deployed_by", length = 255)
  private String deployedBy;

  @Column(name = "deployed_at", nullable = false)
  private Instant deployedAt;

  @Column(length = 2000)
  private String note;

  protected DeploymentNote() {}

  DeploymentNote(String deploymentId, String deployedBy, Instant deployedAt, String note) {
    this.deploymentId = deploymentId;
    this.deployedBy = deployedBy;
    this.deployedAt = deployedAt;
    this.note = note;
  }

  public String getDeploymentId() {
    return deploymentId;
  }

  public String getDeployedBy() {
    return deployedBy;
  }

  public Instant getDeployedAt() {
    return deployedAt;
  }

  public String getNote() {
    return note;
  }
}
