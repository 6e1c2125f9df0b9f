package dev.baton.engine.deployments;

import dev.baton.adapters.AdapterRegistry;
import dev.baton.adapters.rules.HouseRules;
import dev.baton.adapters.rules.ModelSettings;
import dev.baton.adapters.rules.ModelType;
import dev.baton.adapters.rules.Problem;
import dev.baton.engine.system.BatonProperties;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.stereotype.Component;

/**
 * Checks a model file before anything is deployed, by the house rules ({@link HouseRules}, in
 * service-adapters) with this server's adapters and settings. The console's lint, Baton's deploy
 * API and the engine's own deployments all use it.
 */
@Component
public class BpmnValidator {

  private final AdapterRegistry adapters;
  private final ModelSettings settings;

  BpmnValidator(AdapterRegistry adapters, BatonProperties properties) {
    this.adapters = adapters;
    this.settings = settings(properties);
  }

  /** The house rules' settings as this server's properties set them. */
  static ModelSettings settings(BatonProperties properties) {
    BatonProperties.Models models = properties.getModels();
    return new ModelSettings(
        models.isScripts(),
        models.isJavaClasses(),
        models.isCmmn(),
        models.getDmnLanguages(),
        models.getMinTimerCycle(),
        models.getMaxXmlDepth(),
        properties.getDeployments().getMaxSize().toBytes());
  }

  /** Every problem found; empty when the file may be deployed. */
  public List<Problem> validate(byte[] xml) {
    return rules().check(xml);
  }

  /** Every problem of a model file of the given type. */
  List<Problem> validate(ModelType type, byte[] xml) {
    return rules().check(type, xml);
  }

  private HouseRules rules() {
    return new HouseRules(adapters.names(), settings);
  }

  /** The parsed model of a file that {@link #validate} accepted. */
  BpmnModelInstance parse(byte[] xml) {
    return Bpmn.readModelFromStream(new ByteArrayInputStream(xml));
  }
}
