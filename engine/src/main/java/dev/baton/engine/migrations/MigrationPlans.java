package dev.baton.engine.migrations;

import dev.baton.engine.system.NotFoundException;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.springframework.stereotype.Service;

/**
 * Builds migration plans with Camunda's builder: the equal activities mapped, or the operator's own
 * mapping, checked by Camunda's plan validation.
 */
@Service
public class MigrationPlans {

  private final RuntimeService runtime;
  private final RepositoryService repository;

  MigrationPlans(RuntimeService runtime, RepositoryService repository) {
    this.runtime = runtime;
    this.repository = repository;
  }

  /** The plan's instructions and its problems; an invalid plan is an answer here, not an error. */
  public MigrationPlanView check(
      String sourceDefinitionId, String targetDefinitionId, List<MigrationMapping> instructions) {
    try {
      MigrationPlan plan = build(sourceDefinitionId, targetDefinitionId, instructions);
      return new MigrationPlanView(
          plan.getInstructions().stream().map(MigrationReports::mapping).toList(), List.of());
    } catch (InvalidMigrationPlanException e) {
      return new MigrationPlanView(instructions, e.problems());
    }
  }

  /**
   * The plan to run: {@link NotFoundException} for an unknown (or unreadable) version, {@link
   * InvalidMigrationPlanException} when Camunda's validation refuses it.
   */
  public MigrationPlan build(
      String sourceDefinitionId, String targetDefinitionId, List<MigrationMapping> instructions) {
    requireDefinition(sourceDefinitionId, "Source");
    requireDefinition(targetDefinitionId, "Target");
    MigrationPlanBuilder builder =
        runtime.createMigrationPlan(sourceDefinitionId, targetDefinitionId);
    if (instructions == null) {
      builder = builder.mapEqualActivities();
    } else {
      for (MigrationMapping mapping : instructions) {
        builder = builder.mapActivities(mapping.sourceActivityId(), mapping.targetActivityId());
      }
    }
    try {
      return builder.build();
    } catch (MigrationPlanValidationException e) {
      throw new InvalidMigrationPlanException(MigrationReports.of(e.getValidationReport()));
    }
  }

  private void requireDefinition(String id, String role) {
    long found = repository.createProcessDefinitionQuery().processDefinitionId(id).count();
    if (found == 0) {
      throw new NotFoundException(role + " process definition '" + id + "' not found");
    }
  }
}
