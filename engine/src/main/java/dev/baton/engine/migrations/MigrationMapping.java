package dev.baton.engine.migrations;

import jakarta.validation.constraints.NotBlank;

/** One instruction of a migration plan: tokens at the source activity move to the target one. */
public record MigrationMapping(
    @NotBlank String sourceActivityId, @NotBlank String targetActivityId) {}
