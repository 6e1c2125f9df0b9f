package dev.baton.adapters;

import java.util.Map;

/**
 * The adapter SPI: one call to one downstream service on behalf of a BPMN service task.
 *
 * <p>An adapter reads the call's inputs, makes one call and returns the values to store as process
 * variables. A business rejection (the service understood the request and said no) is reported by
 * throwing {@link BusinessRejectionException}, which the diagram can catch as a BPMN error. Any
 * other exception is a technical failure: the step is retried per its retry cycle and then becomes
 * an incident.
 */
@FunctionalInterface
public interface ServiceAdapter {

  /** Executes the call and returns output variables (JSON-compatible values). */
  Map<String, Object> execute(AdapterCall call);
}
