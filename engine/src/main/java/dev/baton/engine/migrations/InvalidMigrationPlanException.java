package dev.baton.engine.migrations;

import java.util.List;

/** A migration plan Camunda's validation refused, with its problems per activity. */
public class InvalidMigrationPlanException extends RuntimeException {

  private final transient List<MigrationProblem> problems;

  InvalidMigrationPlanException(List<MigrationProblem> problems) {
    super(
        "The migration plan is not valid: "
            + (problems.isEmpty() ? "no details" : problems.get(0).message()));
    this.problems = List.copyOf(problems);
  }

  public List<MigrationProblem> problems() {
    return problems;
  }
}
