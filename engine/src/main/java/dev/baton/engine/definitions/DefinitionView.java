package dev.baton.engine.definitions;

/** A deployed process definition with what runs on it now. */
public record DefinitionView(
    String id,
    String key,
    String name,
    int version,
    String versionTag,
    long runningInstances,
    long incidents) {}
