package dev.baton.adapters;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * Reads how a BPMN task is bound to an adapter: the {@code adapter} extension property that Camunda
 * Modeler writes under "Extension properties". Cached per definition and element, since a deployed
 * definition never changes.
 */
public class AdapterBinding {

  /** The extension property naming the adapter. */
  public static final String ADAPTER_PROPERTY = "adapter";

  private final Map<String, Binding> cache = new ConcurrentHashMap<>();

  private record Binding(String adapter, boolean hasInputs) {}

  /** The adapter name bound to the execution's current task. */
  public String adapterName(DelegateExecution execution) {
    return binding(execution).adapter();
  }

  /** Whether the task declares input mappings (then only those are sent). */
  public boolean hasInputMappings(DelegateExecution execution) {
    return binding(execution).hasInputs();
  }

  private Binding binding(DelegateExecution execution) {
    String key = execution.getProcessDefinitionId() + "#" + execution.getCurrentActivityId();
    return cache.computeIfAbsent(key, k -> read(execution.getBpmnModelElementInstance()));
  }

  private static Binding read(BaseElement element) {
    ExtensionElements extensions = element.getExtensionElements();
    String adapter = extensions == null ? null : adapterProperty(extensions);
    if (adapter == null || adapter.isBlank()) {
      throw new IllegalStateException(
          "Task '"
              + element.getId()
              + "' has no '"
              + ADAPTER_PROPERTY
              + "' extension property naming its adapter");
    }
    boolean hasInputs =
        extensions.getElementsQuery().filterByType(CamundaInputOutput.class).list().stream()
            .anyMatch(io -> !io.getCamundaInputParameters().isEmpty());
    return new Binding(adapter.trim(), hasInputs);
  }

  /** The adapter property of a task's extension elements, or {@code null}. */
  public static String adapterProperty(ExtensionElements extensions) {
    for (CamundaProperties properties :
        extensions.getElementsQuery().filterByType(CamundaProperties.class).list()) {
      for (CamundaProperty property : properties.getCamundaProperties()) {
        if (ADAPTER_PROPERTY.equals(property.getCamundaName())) {
          return property.getCamundaValue();
        }
      }
    }
    return null;
  }
}
