package dev.baton.adapters.rules;

import dev.baton.adapters.AdapterBinding;
import dev.baton.adapters.AdapterDelegate;
import dev.baton.adapters.SavePoints;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimeCycle;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaScript;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;

/**
 * Baton's rules for a parsed diagram: what the engine can execute here. A service task is bound to
 * an adapter Baton knows or to an external topic; no Java classes, no expressions that call beans,
 * no scripts unless allowed; every executable process has a start event and a history time to live;
 * no timer cycle repeats faster than the minimum. What holds for every model file (the closed
 * expression language, Java classes wherever they appear) comes from {@link ModelRules}.
 */
final class BpmnRules {

  private static final String ADAPTER_EXPRESSION = "${" + AdapterDelegate.BEAN_NAME + "}";

  private final Set<String> adapters;
  private final ModelSettings settings;
  private final boolean allowScripts;

  BpmnRules(Set<String> adapters, ModelSettings settings) {
    this.adapters = adapters;
    this.settings = settings;
    this.allowScripts = settings.scripts();
  }

  List<Problem> check(BpmnModelInstance model) {
    List<Problem> problems = new ArrayList<>();
    Collection<Process> processes = model.getModelElementsByType(Process.class);
    if (processes.stream().noneMatch(Process::isExecutable)) {
      problems.add(Problem.error("executable-process", null, "No process is marked executable"));
    }
    for (Process process : processes) {
      if (!process.isExecutable()) {
        continue;
      }
      if (process.getCamundaHistoryTimeToLiveString() == null
          || process.getCamundaHistoryTimeToLiveString().isBlank()) {
        problems.add(
            Problem.error(
                "history-time-to-live",
                process.getId(),
                "Process '"
                    + process.getId()
                    + "' has no history time to live (camunda:historyTimeToLive)"));
      }
      if (process.getChildElementsByType(StartEvent.class).isEmpty()) {
        problems.add(
            Problem.error(
                "start-event",
                process.getId(),
                "Process '" + process.getId() + "' has no start event"));
      }
    }
    model
        .getModelElementsByType(ServiceTask.class)
        .forEach(
            task ->
                binding(
                    task,
                    task.getCamundaClass(),
                    task.getCamundaExpression(),
                    task.getCamundaDelegateExpression(),
                    task.getCamundaType(),
                    task.getCamundaTopic(),
                    problems));
    model
        .getModelElementsByType(SendTask.class)
        .forEach(
            task ->
                binding(
                    task,
                    task.getCamundaClass(),
                    task.getCamundaExpression(),
                    task.getCamundaDelegateExpression(),
                    task.getCamundaType(),
                    task.getCamundaTopic(),
                    problems));
    if (!allowScripts) {
      for (ScriptTask script : model.getModelElementsByType(ScriptTask.class)) {
        problems.add(
            Problem.error(
                "script-task",
                script.getId(),
                "Script task '"
                    + script.getId()
                    + "' is refused: scripts run any code inside the engine (an admin can allow them)"));
      }
    }
    listeners(model, problems);
    if (!allowScripts) {
      scripts(model, problems);
    }
    timers(model, problems);
    problems.addAll(
        ModelRules.check(model.getDocument().getDomSource().getNode(), ModelType.BPMN, settings));
    return once(problems);
  }

  /** A cycle given as text is read now; one given as an expression is held at run time. */
  private void timers(BpmnModelInstance model, List<Problem> problems) {
    Duration minimum = settings.minTimerCycle();
    for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
      TimeCycle cycle = timer.getTimeCycle();
      String text = cycle == null ? null : cycle.getTextContent();
      if (text == null || ExpressionVocabulary.isExpression(text)) {
        continue;
      }
      TimerCycles.shortestPeriod(text, new Date())
          .filter(period -> period.compareTo(minimum) < 0)
          .ifPresent(
              period -> {
                String owner = owner(timer);
                problems.add(
                    Problem.error(
                        "timer-cycle",
                        owner,
                        "The timer cycle '"
                            + text.trim()
                            + "' on '"
                            + owner
                            + "' fires every "
                            + period.toMillis()
                            + " ms; at least "
                            + minimum.toMillis()
                            + " ms apart is accepted"));
              });
    }
  }

  /** One problem per rule and element: the typed and the generic pass may both see one. */
  private static List<Problem> once(List<Problem> problems) {
    Set<String> seen = new HashSet<>();
    return problems.stream()
        .filter(p -> p.elementId() == null || seen.add(p.rule() + "|" + p.elementId()))
        .toList();
  }

  private void binding(
      BaseElement task,
      String javaClass,
      String expression,
      String delegateExpression,
      String type,
      String topic,
      List<Problem> problems) {
    String id = task.getId();
    boolean javaAllowed = settings.javaClasses();
    if (javaClass != null && javaAllowed) {
      return;
    }
    if (javaAllowed
        && (expression != null
            || (delegateExpression != null
                && !ADAPTER_EXPRESSION.equals(delegateExpression.trim())))) {
      return;
    }
    if (javaClass != null) {
      problems.add(
          Problem.error(
              "java-class",
              id,
              "Task '"
                  + id
                  + "' calls Java class "
                  + javaClass
                  + ", which Baton does not have: bind it to an adapter or an external topic"));
    } else if (expression != null
        || (delegateExpression != null && !ADAPTER_EXPRESSION.equals(delegateExpression.trim()))) {
      problems.add(
          Problem.error(
              "bean-expression",
              id,
              "Task '"
                  + id
                  + "' calls "
                  + (expression != null ? expression : delegateExpression)
                  + ": expressions may reach only Baton's adapters; bind it to an adapter or an external topic"));
    } else if (delegateExpression != null) {
      ExtensionElements extensions = task.getExtensionElements();
      String adapter = extensions == null ? null : AdapterBinding.adapterProperty(extensions);
      if (adapter == null || adapter.isBlank()) {
        problems.add(
            Problem.error(
                "adapter-missing",
                id,
                "Task '" + id + "' names no adapter (extension property 'adapter')"));
      } else if (!adapters.contains(adapter.trim())) {
        problems.add(
            Problem.error(
                "adapter-unknown",
                id,
                "Task '"
                    + id
                    + "' names adapter '"
                    + adapter
                    + "', which Baton does not know; known: "
                    + adapters));
      }
      if (SavePoints.optsOut(properties(extensions))) {
        problems.add(
            Problem.warning(
                "save-point-opt-out",
                id,
                "Task '"
                    + id
                    + "' opts out of its save point ("
                    + SavePoints.OPT_OUT_PROPERTY
                    + "=false): it runs inside the step or request that reaches it, a failure"
                    + " rolls that back and retries it whole, and a start that reaches it fails"
                    + " when its service does"));
      }
    } else if ("external".equals(type)) {
      if (topic == null || topic.isBlank()) {
        problems.add(
            Problem.error("external-topic", id, "External task '" + id + "' has no topic"));
      }
    } else if (type != null) {
      problems.add(
          Problem.error(
              "unsupported-type",
              id,
              "Task '" + id + "' has type '" + type + "', which Baton does not run"));
    } else {
      problems.add(
          Problem.error(
              "unbound-task",
              id,
              "Task '" + id + "' is bound to nothing: choose an adapter or an external topic"));
    }
  }

  /** A task's Camunda extension properties by name (the last of a name wins, as in the engine). */
  private static Map<String, String> properties(ExtensionElements extensions) {
    Map<String, String> properties = new HashMap<>();
    if (extensions != null) {
      for (CamundaProperties group :
          extensions.getElementsQuery().filterByType(CamundaProperties.class).list()) {
        for (CamundaProperty property : group.getCamundaProperties()) {
          properties.put(property.getCamundaName(), property.getCamundaValue());
        }
      }
    }
    return properties;
  }

  /** Scripts inside input/output mappings and script conditions run code too. */
  private void scripts(BpmnModelInstance model, List<Problem> problems) {
    for (CamundaScript script : model.getModelElementsByType(CamundaScript.class)) {
      if (script.getParentElement() instanceof CamundaExecutionListener
          || script.getParentElement() instanceof CamundaTaskListener) {
        continue;
      }
      String owner = owner(script);
      problems.add(
          Problem.error(
              "script",
              owner,
              "A "
                  + script.getCamundaScriptFormat()
                  + " script in '"
                  + owner
                  + "' is refused: scripts run any code inside the engine (an admin can allow them)"));
    }
    for (ConditionExpression condition : model.getModelElementsByType(ConditionExpression.class)) {
      if (condition.getLanguage() != null && !condition.getLanguage().isBlank()) {
        String owner = owner(condition);
        problems.add(
            Problem.error(
                "script",
                owner,
                "The "
                    + condition.getLanguage()
                    + " condition on '"
                    + owner
                    + "' is a script and is refused"));
      }
    }
  }

  private void listeners(BpmnModelInstance model, List<Problem> problems) {
    for (CamundaExecutionListener listener :
        model.getModelElementsByType(CamundaExecutionListener.class)) {
      listener(
          owner(listener),
          listener.getCamundaClass(),
          listener.getCamundaScript() != null,
          problems);
    }
    for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
      listener(
          owner(listener),
          listener.getCamundaClass(),
          listener.getCamundaScript() != null,
          problems);
    }
  }

  private void listener(String owner, String javaClass, boolean script, List<Problem> problems) {
    if (javaClass != null && !settings.javaClasses()) {
      problems.add(
          Problem.error(
              "java-class",
              owner,
              "A listener on '"
                  + owner
                  + "' calls Java class "
                  + javaClass
                  + ", which Baton does not have"));
    }
    if (script && !allowScripts) {
      problems.add(
          Problem.error(
              "script-task",
              owner,
              "A script listener on '" + owner + "' is refused (an admin can allow scripts)"));
    }
  }

  private static String owner(org.camunda.bpm.model.xml.instance.ModelElementInstance listener) {
    org.camunda.bpm.model.xml.instance.ModelElementInstance parent = listener.getParentElement();
    while (parent != null && !(parent instanceof BaseElement)) {
      parent = parent.getParentElement();
    }
    return parent == null ? null : ((BaseElement) parent).getId();
  }
}
