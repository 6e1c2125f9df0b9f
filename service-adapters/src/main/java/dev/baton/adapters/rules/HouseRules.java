package dev.baton.adapters.rules;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.xml.ModelException;

/**
 * Baton's house rules for a model file, the one copy: size, safe XML, the BPMN schema, then {@link
 * BpmnRules} (BPMN) or {@link ModelRules} (DMN, CMMN). The engine's deploy guard and lint API, and
 * the process tests, all check files here; the modeler shows what the lint API answers.
 */
public final class HouseRules {

  private final Set<String> adapters;
  private final ModelSettings settings;

  /**
   * @param adapters the adapter names a service task may bind to
   * @param settings what an admin lets through
   */
  public HouseRules(Set<String> adapters, ModelSettings settings) {
    this.adapters = Set.copyOf(adapters);
    this.settings = settings;
  }

  /** Every problem of a BPMN file; no errors when it may be deployed. */
  public List<Problem> check(byte[] xml) {
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
    return new BpmnRules(adapters, settings).check(model);
  }

  /**
   * Every problem of a model file of the given type: a DMN or CMMN file by the rules all models
   * share (the engine reads the rest); a CMMN file is refused whole unless an admin has turned CMMN
   * on.
   */
  public List<Problem> check(ModelType type, byte[] xml) {
    if (type == ModelType.BPMN) {
      return check(xml);
    }
    if (type == ModelType.CMMN && !settings.cmmn()) {
      return List.of(
          Problem.error(
              "cmmn", null, "CMMN case definitions are not accepted (an admin can turn CMMN on)"));
    }
    Optional<Problem> unacceptable = safe(xml);
    if (unacceptable.isPresent()) {
      return List.of(unacceptable.get());
    }
    try {
      return ModelRules.check(SafeXml.parse(xml), type, settings);
    } catch (IllegalArgumentException e) {
      return List.of(Problem.parse("Not valid XML: " + rootMessage(e), null, null));
    }
  }

  /** Size, then the safe streaming pass (no DOCTYPE, no entities, bounded depth). */
  private Optional<Problem> safe(byte[] xml) {
    if (xml.length > settings.maxBytes()) {
      return Optional.of(
          Problem.error(
              "size",
              null,
              "The file has "
                  + xml.length
                  + " bytes; at most "
                  + settings.maxBytes()
                  + " are accepted"));
    }
    return SafeXml.check(xml, settings.maxXmlDepth());
  }

  /**
   * The message of the innermost cause (the parser's own words), or of {@code e} if it has none.
   */
  public static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? e.getMessage() : root.getMessage();
  }
}
