package dev.baton.engine.migrations;

import dev.baton.engine.batches.BatchService;
import dev.baton.engine.instances.InstanceSearch;
import dev.baton.engine.instances.InstanceSearchService;
import dev.baton.engine.system.BadRequestException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Migrates running instances of one version to another as a Camunda batch, or tries it without
 * changing anything (dry run). The instances are those named or those the instance list's filter
 * selects, always only running instances of the source version.
 */
@Service
public class MigrationService {

  /** Most instances one request may select; a larger set is split by filter (e.g. start time). */
  static final int MAX_INSTANCES = 10_000;

  private static final InstanceSearch ALL =
      new InstanceSearch(
          null, null, null, null, null, null, null, null, null, null, null, false, true);

  private final MigrationPlans plans;
  private final MigrationDryRun dryRun;
  private final InstanceSearchService search;
  private final RuntimeService runtime;
  private final BatchService batches;

  MigrationService(
      MigrationPlans plans,
      MigrationDryRun dryRun,
      InstanceSearchService search,
      RuntimeService runtime,
      BatchService batches) {
    this.plans = plans;
    this.dryRun = dryRun;
    this.search = search;
    this.runtime = runtime;
    this.batches = batches;
  }

  MigrationPlanView plan(MigrationPlanRequest request) {
    return plans.check(
        request.sourceDefinitionId(), request.targetDefinitionId(), request.instructions());
  }

  DryRunResult dryRun(MigrationRequest request) {
    MigrationPlan plan = plan(request);
    return dryRun.run(plan, instances(request));
  }

  /** Starts the Camunda batch and records it as Baton's batch ({@code GET /api/batches/{id}}). */
  @Transactional
  MigrationStarted start(MigrationRequest request) {
    MigrationPlan plan = plan(request);
    List<String> ids = instances(request);
    if (ids.isEmpty()) {
      throw new BadRequestException("No running instance of the source version is selected");
    }
    Batch batch = runtime.newMigration(plan).processInstanceIds(ids).executeAsync();
    return new MigrationStarted(
        batches.track("migrate", ids.size(), List.of(batch)).id(), ids.size());
  }

  private MigrationPlan plan(MigrationRequest request) {
    return plans.build(
        request.sourceDefinitionId(), request.targetDefinitionId(), request.instructions());
  }

  /** The selected running instances of the source version, oldest first. */
  private List<String> instances(MigrationRequest request) {
    if (request.instanceIds() != null && request.filter() != null) {
      throw new BadRequestException("Send instanceIds or filter, not both");
    }
    if (request.instanceIds() != null) {
      return named(request.sourceDefinitionId(), request.instanceIds());
    }
    return matching(
        request.sourceDefinitionId(), request.filter() == null ? ALL : request.filter());
  }

  private List<String> named(String source, List<String> instanceIds) {
    Set<String> unique = new LinkedHashSet<>(instanceIds);
    if (unique.isEmpty() || unique.size() > MAX_INSTANCES || unique.contains(null)) {
      throw new BadRequestException("instanceIds must name 1 to " + MAX_INSTANCES + " instances");
    }
    Set<String> running =
        runtime
            .createProcessInstanceQuery()
            .processInstanceIds(unique)
            .processDefinitionId(source)
            .list()
            .stream()
            .map(ProcessInstance::getId)
            .collect(Collectors.toSet());
    List<String> others = unique.stream().filter(id -> !running.contains(id)).toList();
    if (!others.isEmpty()) {
      throw new BadRequestException(
          "Not running instances of the source version: " + String.join(", ", first(others)));
    }
    return new ArrayList<>(unique);
  }

  private List<String> matching(String source, InstanceSearch filter) {
    HistoricProcessInstanceQuery query = search.query(filter);
    if (query == null) {
      return List.of();
    }
    query.processDefinitionId(source).unfinished();
    long count = query.count();
    if (count > MAX_INSTANCES) {
      throw new BadRequestException(
          count + " instances match; narrow the filter to at most " + MAX_INSTANCES);
    }
    return query
        .orderByProcessInstanceStartTime()
        .asc()
        .orderByProcessInstanceId()
        .asc()
        .list()
        .stream()
        .map(HistoricProcessInstance::getId)
        .toList();
  }

  private static List<String> first(List<String> ids) {
    return ids.size() <= 10 ? ids : ids.subList(0, 10);
  }
}
