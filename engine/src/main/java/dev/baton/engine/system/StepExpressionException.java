package dev.baton.engine.system;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * An expression of a diagram could not be evaluated at one step (an unknown variable, a method the
 * closed expression language refuses, a type mismatch): the model or the data the instance was
 * given is at fault, not the server. As a {@link BadUserRequestException} it answers 400 through
 * Baton's API and through Camunda's REST API alike; in a save point it fails the job like any other
 * error.
 */
public class StepExpressionException extends BadUserRequestException {

  private final String activityId;
  private final String expression;

  StepExpressionException(String activityId, String expression, String cause, Throwable source) {
    super(describe(activityId, expression, cause), source);
    this.activityId = activityId;
    this.expression = expression;
  }

  private static String describe(String activityId, String expression, String cause) {
    String where = activityId == null ? "An expression" : "Step '" + activityId + "'";
    return where + " could not evaluate " + expression + ": " + cause;
  }

  /** The activity whose expression failed; {@code null} when it ran outside any activity. */
  public String activityId() {
    return activityId;
  }

  /** The expression as the diagram wrote it. */
  public String expression() {
    return expression;
  }
}
