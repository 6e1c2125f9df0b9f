package dev.baton.engine.definitions;

import dev.baton.engine.deployments.DeploymentNote;
import dev.baton.engine.deployments.DeploymentNotes;
import dev.baton.engine.system.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.management.IncidentStatistics;
import org.camunda.bpm.engine.management.ProcessDefinitionStatistics;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;

/** Reads deployed definitions and their instance and incident counts. */
@Service
public class DefinitionService {

  private final ManagementService management;
  private final RepositoryService repository;
  private final ActivityHistory activityHistory;
  private final DeploymentNotes notes;

  DefinitionService(
      ManagementService management,
      RepositoryService repository,
      ActivityHistory activityHistory,
      DeploymentNotes notes) {
    this.management = management;
    this.repository = repository;
    this.activityHistory = activityHistory;
    this.notes = notes;
  }

  /** One definition version with its counts and deployment. */
  public DefinitionDetail get(String id) {
    ProcessDefinition definition = find(id);
    DefinitionView counts =
        list().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    Deployment deployment =
        repository
            .createDeploymentQuery()
            .deploymentId(definition.getDeploymentId())
            .singleResult();
    DeploymentNote note = notes.of(definition.getDeploymentId()).orElse(null);
    return new DefinitionDetail(
        counts.id(),
        counts.key(),
        counts.name(),
        counts.version(),
        counts.versionTag(),
        counts.runningInstances(),
        counts.incidents(),
        definition.getDeploymentId(),
        deployment == null || deployment.getDeploymentTime() == null
            ? null
            : deployment.getDeploymentTime().toInstant(),
        note == null ? null : note.getDeployedBy(),
        note == null ? null : note.getNote(),
        definition.isSuspended());
  }

  /** Every version of a key, newest first; {@link NotFoundException} for an unknown key. */
  public List<DefinitionVersion> versions(String key) {
    List<ProcessDefinition> versions =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(key)
            .orderByProcessDefinitionVersion()
            .desc()
            .list();
    if (versions.isEmpty()) {
      throw new NotFoundException("No process definition with key '" + key + "'");
    }
    Map<String, Deployment> deployments = new java.util.HashMap<>();
    versions.stream()
        .map(ProcessDefinition::getDeploymentId)
        .distinct()
        .forEach(
            id -> {
              Deployment deployment =
                  repository.createDeploymentQuery().deploymentId(id).singleResult();
              if (deployment != null) {
                deployments.put(id, deployment);
              }
            });
    Map<String, DeploymentNote> notesById = notes.of(deployments.keySet());
    return versions.stream()
        .map(
            d -> {
              Deployment deployment = deployments.get(d.getDeploymentId());
              DeploymentNote note = notesById.get(d.getDeploymentId());
              return new DefinitionVersion(
                  d.getId(),
                  d.getKey(),
                  d.getName(),
                  d.getVersion(),
                  d.getVersionTag(),
                  d.getDeploymentId(),
                  deployment == null || deployment.getDeploymentTime() == null
                      ? null
                      : deployment.getDeploymentTime().toInstant(),
                  note == null ? null : note.getDeployedBy(),
                  note == null ? null : note.getNote());
            })
        .toList();
  }

  /** The BPMN XML of a definition version. */
  public String xml(String id) {
    find(id);
    try (InputStream xml = repository.getProcessModel(id)) {
      return new String(xml.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Per activity: instances waiting now, open incidents, and what history says passed. */
  public ActivityStatistics statistics(String id) {
    find(id);
    Map<String, ActivityStatistics.Activity> activities = new TreeMap<>();
    Map<String, ActivityHistory.Passed> passed = activityHistory.passed(id);
    for (org.camunda.bpm.engine.management.ActivityStatistics now :
        management.createActivityStatisticsQuery(id).includeIncidents().list()) {
      long incidents =
          now.getIncidentStatistics().stream()
              .mapToLong(IncidentStatistics::getIncidentCount)
              .sum();
      activities.put(
          now.getId(),
          activity(now.getId(), now.getInstances(), incidents, passed.get(now.getId())));
    }
    passed.forEach(
        (activityId, p) -> activities.putIfAbsent(activityId, activity(activityId, 0, 0, p)));
    return new ActivityStatistics(List.copyOf(activities.values()));
  }

  private static ActivityStatistics.Activity activity(
      String activityId, long running, long incidents, ActivityHistory.Passed passed) {
    return new ActivityStatistics.Activity(
        activityId,
        running,
        incidents,
        passed == null ? 0 : passed.count(),
        passed == null ? null : passed.p50Millis(),
        passed == null ? null : passed.p95Millis());
  }

  private ProcessDefinition find(String id) {
    ProcessDefinition definition =
        repository.createProcessDefinitionQuery().processDefinitionId(id).singleResult();
    if (definition == null) {
      throw new NotFoundException("No process definition with id '" + id + "'");
    }
    return definition;
  }

  /** Every deployed version, by key and newest version first, counted in one statistics query. */
  public List<DefinitionView> list() {
    return management
        .createProcessDefinitionStatisticsQuery()
        .includeIncidents()
        .unlimitedList()
        .stream()
        .map(DefinitionService::view)
        .sorted(
            Comparator.comparing(DefinitionView::key)
                .thenComparing(Comparator.comparingInt(DefinitionView::version).reversed()))
        .toList();
  }

  private static DefinitionView view(ProcessDefinitionStatistics statistics) {
    long incidents =
        statistics.getIncidentStatistics().stream()
            .mapToLong(IncidentStatistics::getIncidentCount)
            .sum();
    return new DefinitionView(
        statistics.getId(),
        statistics.getKey(),
        statistics.getName(),
        statistics.getVersion(),
        statistics.getVersionTag(),
        statistics.getInstances(),
        incidents);
  }
}
