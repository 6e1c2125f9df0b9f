package dev.baton.engine.system;

/**
 * LIKE patterns for the engine's queries from what a person typed: {@code %} and {@code _} are
 * matched literally. Camunda's queries use {@code \} as their escape character on every database.
 */
public final class LikePatterns {

  private LikePatterns() {}

  /** Rows whose value starts with {@code text}. */
  public static String startsWith(String text) {
    return literal(text) + "%";
  }

  /** Rows whose value contains {@code text}. */
  public static String contains(String text) {
    return "%" + literal(text) + "%";
  }

  private static String literal(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
