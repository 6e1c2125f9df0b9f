package dev.baton.engine.definitions;

import java.time.Instant;

/** One deployed version of a process key. */
public record DefinitionVersion(
    String id,
    String key,
    String name,
    int version,
    String versionTag,
    String deploymentId,
    Instant deployedAt) {}
