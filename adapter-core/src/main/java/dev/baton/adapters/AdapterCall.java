package dev.baton.adapters;

import java.util.Map;

/**
 * One invocation of an adapter.
 *
 * @param adapter the adapter name the BPMN task is bound to
 * @param idempotencyKey the same on every retry of one execution of the step and different for
 *     every other execution (each iteration, each re-entry), so a retried call has one effect and
 *     each iteration its own
 * @param processInstanceId the calling process instance
 * @param businessKey the instance's business key, may be {@code null}
 * @param activityId the BPMN element id of the calling task
 * @param inputs the task's inputs as JSON-compatible values
 */
public record AdapterCall(
    String adapter,
    String idempotencyKey,
    String processInstanceId,
    String businessKey,
    String activityId,
    Map<String, Object> inputs) {

  /**
   * The key Baton sends: the instance id first (so a service's log names the instance and its
   * effects are found by the prefix {@code <instance id>:}), then what identifies this execution of
   * the step (the job of its save point, or the external task a worker fetched).
   */
  public static String idempotencyKey(String processInstanceId, String execution) {
    return processInstanceId + ":" + execution;
  }
}
