package dev.baton.engine.definitions;

import java.time.Instant;

/**
 * One deployed version of a process key; {@code deployedBy} and {@code note} are set for versions
 * deployed through Baton's API.
 */
public record DefinitionVersion(
    String id,
    String key,
    String name,
    int version,
    String versionTag,
    String deploymentId,
    Instant deployedAt,
    String deployedBy,
    String note) {}
