package dev.baton.engine.deployments;

import dev.baton.adapters.rules.Problem;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deploys BPMN files the analyst sends: validated first (nothing is deployed when anything is
 * wrong), then deployed under the process key with duplicate filtering, so an unchanged diagram
 * makes no new version.
 */
@Service
public class DeploymentService {

  /** Marks deployments made through Baton's API. */
  static final String SOURCE = "baton-console";

  private final BpmnValidator validator;
  private final RepositoryService repository;
  private final DeploymentNoteRepository notes;
  private final Clock clock;

  DeploymentService(
      BpmnValidator validator,
      RepositoryService repository,
      DeploymentNoteRepository notes,
      Clock clock) {
    this.validator = validator;
    this.repository = repository;
    this.notes = notes;
    this.clock = clock;
  }

  /** The problems that would stop this file from deploying (empty when it would deploy). */
  public List<Problem> lint(byte[] xml) {
    return validator.validate(xml);
  }

  @Transactional
  public DeploymentResult deploy(byte[] xml, String versionTag, String note, String user) {
    List<Problem> problems = validator.validate(xml);
    if (problems.stream().anyMatch(Problem::isError)) {
      throw new InvalidBpmnException(problems);
    }
    BpmnModelInstance model = validator.parse(xml);
    List<Process> executable =
        model.getModelElementsByType(Process.class).stream().filter(Process::isExecutable).toList();
    String key = executable.get(0).getId();
    byte[] content = xml;
    if (versionTag != null && !versionTag.isBlank()) {
      executable.forEach(p -> p.setCamundaVersionTag(versionTag.trim()));
      content = Bpmn.convertToString(model).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    DeploymentWithDefinitions deployment =
        repository
            .createDeployment()
            .name(key)
            .source(SOURCE)
            .enableDuplicateFiltering(false)
            .addInputStream(key + ".bpmn", new java.io.ByteArrayInputStream(content))
            .deployWithResult();
    List<ProcessDefinition> deployed = deployment.getDeployedProcessDefinitions();
    boolean changed = deployed != null && !deployed.isEmpty();
    if (changed) {
      notes.save(
          new DeploymentNote(
              deployment.getId(),
              user,
              clock.instant(),
              note == null || note.isBlank() ? null : note.trim()));
    }
    List<DeploymentResult.Deployed> current =
        executable.stream()
            .map(p -> latest(p.getId()))
            .sorted(Comparator.comparing(DeploymentResult.Deployed::key))
            .toList();
    return new DeploymentResult(deployment.getId(), changed, current);
  }

  private DeploymentResult.Deployed latest(String key) {
    ProcessDefinition definition =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(key)
            .latestVersion()
            .singleResult();
    return new DeploymentResult.Deployed(
        definition.getId(), definition.getKey(), definition.getVersion());
  }
}
