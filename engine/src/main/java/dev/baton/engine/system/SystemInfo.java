package dev.baton.engine.system;

/** What the console's status line shows about this node. */
public record SystemInfo(
    String name, String version, String engineVersion, String database, String user) {}
