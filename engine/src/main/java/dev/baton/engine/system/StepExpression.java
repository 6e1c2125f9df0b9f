package dev.baton.engine.system;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.BaseDelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.el.JuelExpression;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ValueExpression;

/**
 * Camunda's expression, whose evaluation failures name the step they happened at. The engine
 * reports an unknown variable as a bare {@link ProcessEngineException}, which its REST API and
 * Baton's answer with 500; a failure of the expression language itself becomes a {@link
 * StepExpressionException} instead. What the called code throws (an adapter's failure, a BPMN
 * error) passes unchanged.
 */
final class StepExpression extends JuelExpression {

  StepExpression(ValueExpression value, JuelExpressionManager manager, String text) {
    super(value, manager, text);
  }

  @Override
  public Object getValue(VariableScope scope, BaseDelegateExecution contextExecution) {
    try {
      return super.getValue(scope, contextExecution);
    } catch (ProcessEngineException e) {
      throw located(e, scope);
    }
  }

  @Override
  public void setValue(Object value, VariableScope scope, BaseDelegateExecution contextExecution) {
    try {
      super.setValue(value, scope, contextExecution);
    } catch (ProcessEngineException e) {
      throw located(e, scope);
    }
  }

  private RuntimeException located(ProcessEngineException failure, VariableScope scope) {
    if (!(failure.getCause() instanceof ELException language)) {
      return failure;
    }
    // the language's own exception stays the cause: the engine tells an unknown variable by it
    // (a conditional event whose variable is not set yet is false, not a failure)
    return new StepExpressionException(
        activityOf(scope), expressionText, language.getMessage(), language);
  }

  private static String activityOf(VariableScope scope) {
    if (scope instanceof DelegateExecution execution) {
      return execution.getCurrentActivityId();
    }
    if (scope instanceof DelegateTask task) {
      return task.getTaskDefinitionKey();
    }
    return null;
  }
}
