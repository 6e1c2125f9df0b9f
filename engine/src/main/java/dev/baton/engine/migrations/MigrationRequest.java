package dev.baton.engine.migrations;

import dev.baton.engine.instances.InstanceSearch;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;

/**
 * Instances to migrate: those named, or the running instances of the source version that match the
 * filter (all of them when neither is given).
 *
 * @param instructions the mapping to use; without it the equal activities are mapped
 * @param filter the instance list's filters; only running instances of the source version count
 */
record MigrationRequest(
    @NotBlank String sourceDefinitionId,
    @NotBlank String targetDefinitionId,
    List<@Valid MigrationMapping> instructions,
    List<String> instanceIds,
    InstanceSearch filter) {}
