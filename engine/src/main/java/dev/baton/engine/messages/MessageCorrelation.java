package dev.baton.engine.messages;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ExecutionQuery;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.MessageCorrelationResultType;
import org.springframework.stereotype.Component;

/**
 * A checked message handed to Camunda's own message correlation, as whoever is the engine's current
 * user: the engine finds the waiting message catch event, receive task or message start event and
 * checks that user's authorizations. Several matches are Camunda's {@code
 * MismatchingMessageCorrelationException} (answered 409).
 */
@Component
class MessageCorrelation {

  /** Camunda's event type of message subscriptions. */
  static final String MESSAGE_EVENT = "message";

  private final RuntimeService runtime;
  private final RepositoryService repository;

  MessageCorrelation(RuntimeService runtime, RepositoryService repository) {
    this.runtime = runtime;
    this.repository = repository;
  }

  /**
   * Whether anything waits for the message now: an execution subscribed to its name with its
   * business key and correlation variables (the query Camunda's correlation makes), else a message
   * start event of that name. Read as the current user, so it never reveals what they cannot read.
   */
  boolean anyMatch(CheckedMessage message) {
    ExecutionQuery executions =
        runtime.createExecutionQuery().messageEventSubscriptionName(message.name());
    if (message.businessKey() != null) {
      executions.processInstanceBusinessKey(message.businessKey());
    }
    message.correlationKeys().forEach(executions::processVariableValueEquals);
    return executions.count() > 0
        || repository
                .createProcessDefinitionQuery()
                .messageEventSubscriptionName(message.name())
                .count()
            > 0;
  }

  /** Whether any execution or start event subscribes to messages of this name (no user check). */
  boolean subscribed(String name) {
    return runtime.createEventSubscriptionQuery().eventType(MESSAGE_EVENT).eventName(name).count()
        > 0;
  }

  /** Correlates the message to exactly one match; the id of the instance it reached or started. */
  String correlate(CheckedMessage message) {
    MessageCorrelationBuilder correlation = runtime.createMessageCorrelation(message.name());
    if (message.businessKey() != null) {
      correlation.processInstanceBusinessKey(message.businessKey());
    }
    if (!message.correlationKeys().isEmpty()) {
      correlation.processInstanceVariablesEqual(message.correlationKeys());
    }
    MessageCorrelationResult result =
        correlation.setVariables(message.variables()).correlateWithResult();
    return result.getResultType() == MessageCorrelationResultType.ProcessDefinition
        ? result.getProcessInstance().getId()
        : result.getExecution().getProcessInstanceId();
  }
}
