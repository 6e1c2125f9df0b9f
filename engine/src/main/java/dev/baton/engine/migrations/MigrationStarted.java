package dev.baton.engine.migrations;

/**
 * A migration running as a batch (Baton's: {@code GET /api/batches/{batchId}}), and how many
 * instances it moves.
 */
public record MigrationStarted(String batchId, long total) {}
