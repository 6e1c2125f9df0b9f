package dev.baton.engine.deployments;

import dev.baton.adapters.AdapterRegistry;
import dev.baton.engine.system.BatonProperties;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.xml.ModelException;
import org.springframework.stereotype.Component;

/**
 * Checks a model file before anything is deployed: size, safe XML, the BPMN schema, Baton's rules.
 * The console's lint, Baton's deploy API and the engine's own deployments all use it.
 */
@Component
public class BpmnValidator {

  private final AdapterRegistry adapters;
  private final BatonProperties.Deployments settings;
  private final BatonProperties.Models models;

  BpmnValidator(AdapterRegistry adapters, BatonProperties properties) {
    this.adapters = adapters;
    this.settings = properties.getDeployments();
    this.models = properties.getModels();
  }

  /** Every problem found; empty when the file may be deployed. */
  public List<Problem> validate(byte[] xml) {
    Optional<Problem> unacceptable = safe(xml);
    if (unacceptable.isPresent()) {
      return List.of(unacceptable.get());
    }
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml));
    } catch (ModelException e) {
      return List.of(Problem.parse("Not valid BPMN: " + rootMessage(e), null, null));
    }
    return new BpmnRules(adapters.names(), models).check(model);
  }

  /**
   * Every problem of a DMN or CMMN file by the rules all models share (the engine reads the rest);
   * a CMMN file is refused whole unless an admin has turned CMMN on.
   */
  List<Problem> validate(ModelType type, byte[] xml) {
    if (type == ModelType.BPMN) {
      return validate(xml);
    }
    if (type == ModelType.CMMN && !models.isCmmn()) {
      return List.of(
          Problem.error(
              "cmmn", null, "CMMN case definitions are not accepted (an admin can turn CMMN on)"));
    }
    Optional<Problem> unacceptable = safe(xml);
    if (unacceptable.isPresent()) {
      return List.of(unacceptable.get());
    }
    try {
      return ModelRules.check(SafeXml.parse(xml), type, models);
    } catch (IllegalArgumentException e) {
      return List.of(Problem.parse("Not valid XML: " + rootMessage(e), null, null));
    }
  }

  /** Size, then the safe streaming pass (no DOCTYPE, no entities, bounded depth). */
  private Optional<Problem> safe(byte[] xml) {
    if (xml.length > settings.getMaxSize().toBytes()) {
      return Optional.of(
          Problem.error(
              "size",
              null,
              "The file has "
                  + xml.length
                  + " bytes; at most "
                  + settings.getMaxSize().toBytes()
                  + " are accepted"));
    }
    return SafeXml.check(xml, models.getMaxXmlDepth());
  }

  /** The parsed model of a file that {@link #validate} accepted. */
  BpmnModelInstance parse(byte[] xml) {
    return Bpmn.readModelFromStream(new ByteArrayInputStream(xml));
  }

  /**
   * The message of the innermost cause (the parser's own words), or of {@code e} if it has none.
   */
  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? e.getMessage() : root.getMessage();
  }
}
