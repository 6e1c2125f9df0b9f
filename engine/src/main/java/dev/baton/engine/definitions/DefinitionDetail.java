package dev.baton.engine.definitions;

import java.time.Instant;

/**
 * One deployed definition version with its deployment (who deployed it and why, when it went
 * through Baton's API); suspended ones start no instances.
 */
public record DefinitionDetail(
    String id,
    String key,
    String name,
    int version,
    String versionTag,
    long runningInstances,
    long incidents,
    String deploymentId,
    Instant deployedAt,
    String deployedBy,
    String note,
    boolean suspended) {}
