package dev.baton.engine.instances;

import java.time.Instant;
import java.util.List;

/** Everything the instance page shows, in one answer. */
public record InstanceDetail(
    InstanceView instance,
    String xml,
    List<Activity> activities,
    List<IncidentView> incidents,
    List<PastIncident> resolvedIncidents,
    List<Variable> variables,
    List<Operation> operations,
    boolean suspended,
    Lineage lineage) {

  /**
   * Where a called instance sits among call activities: the instance whose call activity started it
   * and the root of that chain (both {@code null} for a root instance).
   */
  public record Lineage(
      String parentInstanceId,
      String parentDefinitionKey,
      String rootInstanceId,
      String rootDefinitionKey) {}

  /**
   * An incident that is over: {@code RESOLVED} (retried, or the step went on) or {@code DELETED}
   * (its instance was canceled or its step moved away).
   */
  public record PastIncident(
      String id,
      String type,
      String activityId,
      String message,
      Instant time,
      Instant endTime,
      String state) {}

  /**
   * One activity instance of the run, in the order it happened; a call activity's names the
   * instance it started.
   */
  public record Activity(
      String id,
      String activityId,
      String activityName,
      String activityType,
      Instant startTime,
      Instant endTime,
      Long durationMillis,
      String state,
      String calledInstanceId) {}

  /** A process variable with its engine type; {@code editable} when the console may change it. */
  public record Variable(String name, String type, Object value, boolean editable) {}

  /**
   * An entry of the engine's user-operation log: who did what, when. A "SetVariable" entry names
   * the variable in {@code property} and its new value in {@code newValue} when Baton recorded the
   * change (see OperatorChanges); one entry per variable.
   */
  public record Operation(
      Instant timestamp,
      String userId,
      String operationType,
      String entityType,
      String property,
      String orgValue,
      String newValue,
      String annotation) {}
}
