package dev.baton.adapters;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The one delegate every adapter-bound service task names ({@code
 * camunda:delegateExpression="${batonAdapter}"}). It resolves the adapter from the task's {@code
 * adapter} extension property, passes it the task's inputs, and maps the answer: outputs to
 * variables, a business rejection to a BPMN error, anything else to a failed job.
 */
public class AdapterDelegate implements JavaDelegate {

  /** The bean name BPMN files use in their delegate expression. */
  public static final String BEAN_NAME = "batonAdapter";

  private final AdapterRegistry registry;
  private final AdapterBinding binding;
  private final ObjectMapper mapper;
  private final StepExecutionKeys keys = new StepExecutionKeys();

  public AdapterDelegate(AdapterRegistry registry, AdapterBinding binding, ObjectMapper mapper) {
    this.registry = registry;
    this.binding = binding;
    this.mapper = mapper;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String name = binding.adapterName(execution);
    String step = execution.getCurrentActivityId();
    Map<String, Object> outputs;
    try {
      ServiceAdapter adapter = registry.resolve(name);
      AdapterCall call =
          new AdapterCall(
              name,
              AdapterCall.idempotencyKey(execution.getProcessInstanceId(), keys.mark(execution)),
              execution.getProcessInstanceId(),
              execution.getProcessBusinessKey(),
              step,
              inputs(execution));
      outputs = adapter.execute(call);
    } catch (BusinessRejectionException rejection) {
      throw new BpmnError(rejection.errorCode(), rejection.getMessage());
    } catch (RuntimeException failure) {
      throw new StepFailedException(step, name, failure);
    }
    if (outputs != null && !outputs.isEmpty()) {
      execution.setVariables(JsonVariables.fromJson(mapper.valueToTree(outputs)));
    }
  }

  /** The task's input mappings when it declares any, otherwise every visible variable. */
  private Map<String, Object> inputs(DelegateExecution execution) {
    VariableMap variables =
        binding.hasInputMappings(execution)
            ? execution.getVariablesLocalTyped(false)
            : execution.getVariablesTyped(false);
    return JsonVariables.toJson(variables, mapper);
  }
}
