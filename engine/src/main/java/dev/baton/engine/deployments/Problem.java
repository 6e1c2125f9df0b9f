package dev.baton.engine.deployments;

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

  static Problem error(String rule, String elementId, String message) {
    return new Problem(rule, elementId, message, "error", null, null);
  }

  static Problem warning(String rule, String elementId, String message) {
    return new Problem(rule, elementId, message, "warning", null, null);
  }

  static Problem parse(String message, Integer line, Integer column) {
    return new Problem("parse", null, message, "error", line, column);
  }

  boolean isError() {
    return "error".equals(severity);
  }
}
