package dev.baton.engine.definitions;

import jakarta.validation.constraints.NotNull;

/**
 * The state a definition should be in; {@code includeInstances} applies it to its running instances
 * too.
 */
public record SuspensionRequest(@NotNull Boolean suspended, Boolean includeInstances) {

  boolean withInstances() {
    return Boolean.TRUE.equals(includeInstances);
  }
}
