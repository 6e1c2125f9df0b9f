package dev.baton.engine.migrations;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Camunda has no dry run, so this one migrates for real, a chunk of instances at a time, inside a
 * transaction that is always rolled back. Camunda stops a chunk at its first instance that fails
 * validation: that instance is noted with its report and the chunk runs again without it, so a
 * chunk costs one run plus one per failing instance. Custom listeners and I/O mappings are skipped:
 * a rolled-back transaction cannot take back what they would send elsewhere.
 */
@Component
class MigrationDryRun {

  static final int CHUNK = 50;

  private final RuntimeService runtime;
  private final TransactionTemplate rolledBack;

  MigrationDryRun(RuntimeService runtime, PlatformTransactionManager transactions) {
    this.runtime = runtime;
    this.rolledBack = new TransactionTemplate(transactions);
    this.rolledBack.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  DryRunResult run(MigrationPlan plan, List<String> instanceIds) {
    List<DryRunResult.FailingInstance> failing = new ArrayList<>();
    for (int first = 0; first < instanceIds.size(); first += CHUNK) {
      List<String> remaining =
          new ArrayList<>(instanceIds.subList(first, Math.min(first + CHUNK, instanceIds.size())));
      while (!remaining.isEmpty()) {
        Optional<MigratingProcessInstanceValidationReport> refused = attempt(plan, remaining);
        if (refused.isEmpty()) {
          break;
        }
        MigratingProcessInstanceValidationReport report = refused.get();
        if (!remaining.remove(report.getProcessInstanceId())) {
          throw new IllegalStateException(
              "Camunda refused instance " + report.getProcessInstanceId() + " it was not given");
        }
        failing.add(
            new DryRunResult.FailingInstance(
                report.getProcessInstanceId(), MigrationReports.of(report)));
      }
    }
    return new DryRunResult(instanceIds.size(), failing);
  }

  /** Migrates these instances and rolls back; the report of the first one refused, if any. */
  private Optional<MigratingProcessInstanceValidationReport> attempt(
      MigrationPlan plan, List<String> instanceIds) {
    return rolledBack.execute(
        status -> {
          status.setRollbackOnly();
          try {
            runtime
                .newMigration(plan)
                .processInstanceIds(instanceIds)
                .skipCustomListeners()
                .skipIoMappings()
                .execute();
            return Optional.empty();
          } catch (MigratingProcessInstanceValidationException e) {
            return Optional.of(e.getValidationReport());
          }
        });
  }
}
