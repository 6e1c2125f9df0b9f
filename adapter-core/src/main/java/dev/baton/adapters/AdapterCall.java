package dev.baton.adapters;

import java.util.Map;

/**
 * One invocation of an adapter.
 *
 * @param adapter the adapter name the BPMN task is bound to
 * @param idempotencyKey stable across retries of the same step, so a repeated call has one effect
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

  /** The key Baton sends for a step: the same for every retry of that step in that instance. */
  public static String idempotencyKey(String processInstanceId, String activityId) {
    return processInstanceId + ":" + activityId;
  }
}
