package dev.baton.adapters;

/**
 * A downstream service rejected the request for a business reason. Becomes a BPMN error with {@link
 * #errorCode()} that the diagram can catch; it is never retried.
 */
public class BusinessRejectionException extends RuntimeException {

  private final String errorCode;

  public BusinessRejectionException(String errorCode, String message) {
    super(message);
    this.errorCode = errorCode;
  }

  public String errorCode() {
    return errorCode;
  }
}
