package dev.baton.adapters;

/**
 * An adapter step failed for a technical reason (service down, timeout, unexpected answer). Its
 * message is the cause's, which becomes the job's failure and the incident's message; the step and
 * adapter are named for a caller that saw the failure directly (a start whose step opted out of its
 * save point).
 */
public class StepFailedException extends RuntimeException {

  private final String activityId;
  private final String adapter;

  public StepFailedException(String activityId, String adapter, RuntimeException cause) {
    super(cause.getMessage(), cause);
    this.activityId = activityId;
    this.adapter = adapter;
  }

  /** The BPMN element id of the step. */
  public String activityId() {
    return activityId;
  }

  /** The adapter the step is bound to. */
  public String adapter() {
    return adapter;
  }
}
