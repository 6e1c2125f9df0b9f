package dev.baton.bench;

import java.util.List;

/**
 * The JVM flags of Baton's documented start command (README), which the benchmark starts it with.
 */
final class BatonJvm {

  static final List<String> FLAGS = List.of();

  private BatonJvm() {}
}
