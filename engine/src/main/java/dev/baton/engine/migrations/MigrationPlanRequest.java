package dev.baton.engine.migrations;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;

/**
 * A plan to propose or check.
 *
 * @param instructions the operator's mapping to validate; without it Baton proposes one
 */
record MigrationPlanRequest(
    @NotBlank String sourceDefinitionId,
    @NotBlank String targetDefinitionId,
    List<@Valid MigrationMapping> instructions) {}
