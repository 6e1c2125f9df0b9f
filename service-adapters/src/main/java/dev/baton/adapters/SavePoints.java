package dev.baton.adapters;

import java.util.ArrayList;
import java.util.Map;
import org.camunda.bpm.engine.impl.bpmn.behavior.MultiInstanceActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Makes every adapter step a save point ({@code asyncBefore}) as the engine parses a diagram, so a
 * diagram drawn with the modeler's defaults still never calls a service inside the request that
 * started the instance: a failing service leaves a retrying job and then an incident, never a
 * rolled-back start. A multi-instance step gets a save point per iteration. A step opts out with
 * the extension property {@value #OPT_OUT_PROPERTY}{@code =false}; it then runs in the job or
 * request that reaches it, and its failure rolls that back to the previous save point.
 */
public class SavePoints extends AbstractProcessEnginePlugin {

  /** The extension property that, set to {@code false}, takes an adapter step's save point away. */
  public static final String OPT_OUT_PROPERTY = "savePoint";

  private static final String ADAPTER_EXPRESSION = "${" + AdapterDelegate.BEAN_NAME + "}";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    // before Camunda's own listeners, which read the retry cycle of async activities only
    configuration.getCustomPreBPMNParseListeners().add(new Listener());
  }

  /** Whether a task's extension properties opt it out of its save point. */
  public static boolean optsOut(Map<String, String> properties) {
    return properties != null && "false".equalsIgnoreCase(trim(properties.get(OPT_OUT_PROPERTY)));
  }

  private static String trim(String value) {
    return value == null ? null : value.trim();
  }

  static final class Listener extends AbstractBpmnParseListener {

    @Override
    public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      savePoint(element, activity);
    }

    @Override
    public void parseSendTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      savePoint(element, activity);
    }

    private static void savePoint(Element element, ActivityImpl activity) {
      String delegate =
          element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "delegateExpression");
      if (delegate == null || !ADAPTER_EXPRESSION.equals(delegate.trim())) {
        return;
      }
      if (optsOut(BpmnParseUtil.parseCamundaExtensionProperties(element))
          || activity.isAsyncBefore()) {
        return;
      }
      // in a multi-instance step the activity is one iteration: each iteration gets its job
      Element asyncHolder =
          isIteration(activity) ? element.element("multiInstanceLoopCharacteristics") : element;
      activity.setAsyncBefore(true, exclusive(asyncHolder));
    }

    private static boolean isIteration(ActivityImpl activity) {
      ActivityImpl parent = activity.getParentFlowScopeActivity();
      return parent != null
          && parent.getActivityBehavior() instanceof MultiInstanceActivityBehavior;
    }

    private static boolean exclusive(Element element) {
      String exclusive =
          element == null
              ? null
              : element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "exclusive");
      return exclusive == null || !"false".equalsIgnoreCase(exclusive.trim());
    }
  }
}
