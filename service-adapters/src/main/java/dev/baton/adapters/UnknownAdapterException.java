package dev.baton.adapters;

/** A BPMN task names an adapter that Baton does not know. */
public class UnknownAdapterException extends RuntimeException {

  public UnknownAdapterException(String name, Iterable<String> known) {
    super("Unknown adapter '" + name + "'; known adapters: " + String.join(", ", known));
  }
}
