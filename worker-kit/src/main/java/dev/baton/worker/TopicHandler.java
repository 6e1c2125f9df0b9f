package dev.baton.worker;

import dev.baton.adapters.BusinessRejectionException;
import java.util.Map;
import org.camunda.bpm.client.task.ExternalTask;

/**
 * Works on the tasks of one topic: read the task's variables, call something, return the outputs.
 *
 * <p>The worker turns the outcome into the engine call: the returned variables complete the task; a
 * {@link BusinessRejectionException} becomes a BPMN error the diagram can catch; any other
 * exception is a failure, retried and finally an incident.
 */
@FunctionalInterface
public interface TopicHandler {

  /**
   * Handles one task and returns the variables to complete it with ({@code null} or empty for
   * none): JSON-compatible values (strings, numbers, booleans, maps, lists, Jackson nodes; maps and
   * lists are stored as Spin JSON) or Camunda typed values.
   */
  Map<String, Object> handle(ExternalTask task) throws Exception;
}
