package dev.baton.adapters.rules;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What an admin may let through the house rules. The engine maps its {@code baton.engine.models}
 * and {@code baton.engine.deployments.max-size} settings onto it; the process tests use {@link
 * #defaults()}.
 *
 * @param scripts let scripts through: script tasks, script listeners, script mappings and
 *     conditions
 * @param javaClasses let Java classes through: camunda:class and variableMappingClass anywhere
 * @param cmmn let CMMN case definitions be parsed and deployed at all
 * @param dmnLanguages DMN expression languages accepted (case-insensitive)
 * @param minTimerCycle shortest period of a repeating timer (timeCycle)
 * @param maxXmlDepth deepest element nesting accepted in a model file, in levels
 * @param maxBytes largest model file accepted, in bytes
 */
public record ModelSettings(
    boolean scripts,
    boolean javaClasses,
    boolean cmmn,
    Set<String> dmnLanguages,
    Duration minTimerCycle,
    int maxXmlDepth,
    long maxBytes) {

  public ModelSettings {
    dmnLanguages = Set.copyOf(dmnLanguages);
  }

  /** The defaults of {@code baton.engine.models} and {@code baton.engine.deployments}. */
  public static ModelSettings defaults() {
    return new ModelSettings(
        false, false, false, Set.copyOf(List.of("feel")), Duration.ofSeconds(1), 100, 5L << 20);
  }

  public ModelSettings withScripts(boolean on) {
    return new ModelSettings(
        on, javaClasses, cmmn, dmnLanguages, minTimerCycle, maxXmlDepth, maxBytes);
  }

  public ModelSettings withJavaClasses(boolean on) {
    return new ModelSettings(scripts, on, cmmn, dmnLanguages, minTimerCycle, maxXmlDepth, maxBytes);
  }

  public ModelSettings withCmmn(boolean on) {
    return new ModelSettings(
        scripts, javaClasses, on, dmnLanguages, minTimerCycle, maxXmlDepth, maxBytes);
  }

  public ModelSettings withDmnLanguages(Set<String> languages) {
    return new ModelSettings(
        scripts, javaClasses, cmmn, languages, minTimerCycle, maxXmlDepth, maxBytes);
  }
}
