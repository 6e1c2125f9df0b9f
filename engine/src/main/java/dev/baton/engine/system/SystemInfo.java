package dev.baton.engine.system;

/**
 * What the console's status line shows about this node, and the signed-in user's roles (so the
 * console shows only the actions the user may take; the server refuses the others anyway).
 */
public record SystemInfo(
    String name,
    String version,
    String engineVersion,
    String database,
    String user,
    java.util.List<String> roles) {}
