package dev.baton.engine.system;

/** The request clashes with what exists (an id taken, a key issued already): answered with 409. */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
