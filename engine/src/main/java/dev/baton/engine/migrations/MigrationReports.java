package dev.baton.engine.migrations;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlanValidationReport;

/** Camunda's validation reports, plan and instance, as problems per activity. */
final class MigrationReports {

  private MigrationReports() {}

  static List<MigrationProblem> of(MigrationPlanValidationReport report) {
    List<MigrationProblem> problems = new ArrayList<>();
    report
        .getInstructionReports()
        .forEach(
            instruction ->
                instruction
                    .getFailures()
                    .forEach(
                        failure ->
                            problems.add(problem(instruction.getMigrationInstruction(), failure))));
    report
        .getVariableReports()
        .forEach(
            (name, variable) ->
                variable
                    .getFailures()
                    .forEach(
                        failure ->
                            problems.add(
                                new MigrationProblem(
                                    null, null, "Variable '" + name + "': " + failure))));
    return problems;
  }

  static List<MigrationProblem> of(MigratingProcessInstanceValidationReport report) {
    List<MigrationProblem> problems = new ArrayList<>();
    report
        .getFailures()
        .forEach(failure -> problems.add(new MigrationProblem(null, null, failure)));
    report
        .getActivityInstanceReports()
        .forEach(
            activity ->
                activity
                    .getFailures()
                    .forEach(
                        failure ->
                            problems.add(
                                new MigrationProblem(
                                    activity.getSourceScopeId(),
                                    target(activity.getMigrationInstruction()),
                                    failure))));
    report
        .getTransitionInstanceReports()
        .forEach(
            transition ->
                transition
                    .getFailures()
                    .forEach(
                        failure ->
                            problems.add(
                                new MigrationProblem(
                                    transition.getSourceScopeId(),
                                    target(transition.getMigrationInstruction()),
                                    failure))));
    return problems;
  }

  static MigrationMapping mapping(MigrationInstruction instruction) {
    return new MigrationMapping(
        instruction.getSourceActivityId(), instruction.getTargetActivityId());
  }

  private static MigrationProblem problem(MigrationInstruction instruction, String failure) {
    return new MigrationProblem(
        instruction == null ? null : instruction.getSourceActivityId(),
        target(instruction),
        failure);
  }

  private static String target(MigrationInstruction instruction) {
    return instruction == null ? null : instruction.getTargetActivityId();
  }
}
