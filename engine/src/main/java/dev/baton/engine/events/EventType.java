package dev.baton.engine.events;

/** The process events Baton publishes; {@link #key()} is the name on the wire. */
public enum EventType {
  INSTANCE_STARTED("instance.started"),
  STEP_COMPLETED("step.completed"),
  INCIDENT_CREATED("incident.created"),
  INCIDENT_RESOLVED("incident.resolved"),
  INSTANCE_ENDED("instance.ended");

  private final String key;

  EventType(String key) {
    this.key = key;
  }

  /** As in routing keys and message bodies, e.g. {@code step.completed}. */
  public String key() {
    return key;
  }
}
