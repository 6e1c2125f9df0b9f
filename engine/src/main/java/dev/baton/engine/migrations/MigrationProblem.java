package dev.baton.engine.migrations;

/**
 * Why a plan or an instance cannot migrate, on the activity it concerns when there is one.
 *
 * @param sourceActivityId the source activity (or scope) the problem is about, or {@code null}
 * @param targetActivityId the target of the instruction concerned, or {@code null}
 */
public record MigrationProblem(String sourceActivityId, String targetActivityId, String message) {}
