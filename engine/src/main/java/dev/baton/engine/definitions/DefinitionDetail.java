package dev.baton.engine.definitions;

import java.time.Instant;

/** One deployed definition version with its deployment; suspended ones start no instances. */
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
    boolean suspended) {}
