package dev.baton.engine.system;

/**
 * The caller's input is refused (a value out of range, a malformed field): answered with 400 and
 * the message. Anything else that fails is Baton's fault and answers 500.
 */
public class BadRequestException extends RuntimeException {

  public BadRequestException(String message) {
    super(message);
  }
}
