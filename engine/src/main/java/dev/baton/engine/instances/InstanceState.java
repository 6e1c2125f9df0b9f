package dev.baton.engine.instances;

/** Where an instance stands, as an operator reads it. */
public enum InstanceState {
  RUNNING,
  INCIDENT,
  COMPLETED,
  CANCELED
}
