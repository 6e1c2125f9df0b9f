package dev.baton.engine.migrations;

import java.util.List;

/** A plan's instructions and, when it cannot run, every problem Camunda's validation found. */
public record MigrationPlanView(
    List<MigrationMapping> instructions, List<MigrationProblem> problems) {}
