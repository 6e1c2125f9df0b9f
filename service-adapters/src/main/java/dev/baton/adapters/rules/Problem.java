package dev.baton.adapters.rules;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing wrong with a BPMN file.
 *
 * @param rule short rule name, e.g. {@code history-time-to-live}
 * @param elementId the BPMN element concerned, when there is one
 * @param severity {@code error} (refused at deploy) or {@code warning}
 * @param line 1-based line of a parse error, when known
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String rule, String elementId, String message, String severity, Integer line, Integer column) {

  public static Problem error(String rule, String elementId, String message) {
    return new Problem(rule, elementId, message, "error", null, null);
  }

  public static Problem warning(String rule, String elementId, String message) {
    return new Problem(rule, elementId, message, "warning", null, null);
  }

  public static Problem parse(String message, Integer line, Integer column) {
    return new Problem("parse", null, message, "error", line, column);
  }

  public boolean isError() {
    return "error".equals(severity);
  }
}
