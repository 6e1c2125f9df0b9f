package dev.baton.engine.deployments;

import dev.baton.adapters.AdapterRegistry;
import dev.baton.engine.system.BatonProperties;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.xml.ModelException;
import org.springframework.stereotype.Component;

/**
 * Checks a BPMN file before anything is deployed: size, safe XML, the BPMN schema, Baton's rules.
 * The console's lint, Baton's deploy API and the engine's own deployments all use it.
 */
@Component
public class BpmnValidator {

  private final AdapterRegistry adapters;
  private final BatonProperties.Deployments settings;

  BpmnValidator(AdapterRegistry adapters, BatonProperties properties) {
    this.adapters = adapters;
    this.settings = properties.getDeployments();
  }

  /** Every problem found; empty when the file may be deployed. */
  public List<Problem> validate(byte[] xml) {
    if (xml.length > settings.getMaxSize().toBytes()) {
      return List.of(
          Problem.error(
              "size",
              null,
              "The file has "
                  + xml.length
                  + " bytes; at most "
                  + settings.getMaxSize().toBytes()
                  + " are accepted"));
    }
    Optional<Problem> unsafe = SafeXml.check(xml);
    if (unsafe.isPresent()) {
      return List.of(unsafe.get());
    }
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml));
    } catch (ModelException e) {
      return List.of(Problem.parse("Not valid BPMN: " + rootMessage(e), null, null));
    }
    List<Problem> problems =
        new ArrayList<>(new BpmnRules(adapters.names(), settings.isAllowScripts()).check(model));
    return problems;
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
