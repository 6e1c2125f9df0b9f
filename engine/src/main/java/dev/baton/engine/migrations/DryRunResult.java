package dev.baton.engine.migrations;

import java.util.List;

/**
 * What a migration would do: how many instances it would select and which of them would fail.
 *
 * @param total instances selected; {@code total - failing.size()} would move
 */
public record DryRunResult(long total, List<FailingInstance> failing) {

  /** An instance that cannot move, with the reasons Camunda's instance validation gave. */
  public record FailingInstance(String instanceId, List<MigrationProblem> problems) {}
}
