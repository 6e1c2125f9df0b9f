package dev.baton.engine.system;

/** A named thing (definition key, instance id, …) does not exist: answered with 404. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
