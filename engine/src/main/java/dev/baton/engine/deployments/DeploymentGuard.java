package dev.baton.engine.deployments;

import dev.baton.adapters.rules.HouseRules;
import dev.baton.adapters.rules.ModelType;
import dev.baton.adapters.rules.Problem;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.stereotype.Component;

/**
 * Holds every new deployment to Baton's rules inside the engine, whichever way it came in: Baton's
 * API, Camunda's {@code /engine-rest/deployment/create} and redeploy, or the classpath. Each
 * resource is checked as the model the engine will parse it as, by the engine's own suffix rules
 * ({@link ModelType}), not by its last extension. A model with errors fails the whole deployment,
 * so nothing of it is stored. A DMN file the engine cannot read is refused here too, as a parse
 * error (400 over REST) rather than the engine's internal error.
 */
@Component
class DeploymentGuard extends AbstractProcessEnginePlugin implements Deployer {

  private final BpmnValidator validator;

  DeploymentGuard(BpmnValidator validator) {
    this.validator = validator;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> preDeployers =
        configuration.getCustomPreDeployers() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPreDeployers());
    preDeployers.add(this);
    configuration.setCustomPreDeployers(preDeployers);
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    Map<String, ResourceEntity> resources = deployment.getResources();
    if (resources == null) {
      return;
    }
    for (ResourceEntity resource : resources.values()) {
      String name = resource.getName();
      ModelType type = ModelType.of(name).orElse(null);
      if (type == null) {
        continue;
      }
      check(name, type, resource.getBytes());
      if (type == ModelType.DMN) {
        checkDecisions(name, resource.getBytes());
      }
    }
  }

  private void check(String resource, ModelType type, byte[] xml) {
    List<Problem> problems = validator.validate(type, xml);
    List<org.camunda.bpm.engine.Problem> errors =
        problems.stream()
            .filter(Problem::isError)
            .map(EngineProblem::new)
            .collect(java.util.stream.Collectors.toList());
    if (!errors.isEmpty()) {
      StringBuilder message = new StringBuilder("Baton refuses ").append(resource).append(':');
      errors.forEach(e -> message.append("\n* ").append(e.getMessage()));
      throw new ParseException(message.toString(), resource, errors, List.of());
    }
  }

  /** Reads the decisions as the engine's DMN deployer will, with the engine's own checks. */
  private static void checkDecisions(String resource, byte[] xml) {
    try {
      Context.getProcessEngineConfiguration()
          .getDmnEngineConfiguration()
          .getTransformer()
          .createTransform()
          .modelInstance(new ByteArrayInputStream(xml))
          .transformDecisionRequirementsGraph();
    } catch (RuntimeException unreadable) {
      throw new ParseException(
          "Baton refuses " + resource + ": " + HouseRules.rootMessage(unreadable),
          resource,
          List.of(),
          List.of());
    }
  }

  /** One of Baton's problems in the engine's terms, so Camunda's REST API reports it too. */
  private record EngineProblem(Problem problem) implements org.camunda.bpm.engine.Problem {
    @Override
    public String getMessage() {
      return problem.message();
    }

    @Override
    public int getLine() {
      return problem.line() == null ? 0 : problem.line();
    }

    @Override
    public int getColumn() {
      return problem.column() == null ? 0 : problem.column();
    }

    @Override
    public String getMainElementId() {
      return problem.elementId();
    }

    @Override
    public List<String> getElementIds() {
      return problem.elementId() == null ? List.of() : List.of(problem.elementId());
    }
  }
}
