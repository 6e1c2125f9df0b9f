package dev.baton.adapters.rules;

import java.util.Arrays;
import java.util.Optional;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.cmmn.deployer.CmmnDeployer;
import org.camunda.bpm.engine.impl.dmn.deployer.DecisionDefinitionDeployer;

/**
 * The kind of model a deployment resource is, decided by the engine's own deployers' suffix rules
 * (a name merely ending in {@code bpmn}, like {@code x.xbpmn}, is parsed as BPMN).
 */
public enum ModelType {
  BPMN(BpmnDeployer.BPMN_RESOURCE_SUFFIXES),
  CMMN(CmmnDeployer.CMMN_RESOURCE_SUFFIXES),
  DMN(DecisionDefinitionDeployer.DMN_RESOURCE_SUFFIXES);

  private final String[] suffixes;

  ModelType(String[] suffixes) {
    this.suffixes = suffixes;
  }

  /** The model the engine will parse a resource of this name as, if any. */
  public static Optional<ModelType> of(String resourceName) {
    if (resourceName == null) {
      return Optional.empty();
    }
    return Arrays.stream(values())
        .filter(type -> Arrays.stream(type.suffixes).anyMatch(resourceName::endsWith))
        .findFirst();
  }
}
