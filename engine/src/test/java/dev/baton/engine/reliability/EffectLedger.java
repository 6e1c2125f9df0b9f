package dev.baton.engine.reliability;

import dev.baton.engine.BatonProcess;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the demo services did, as a node reports it ({@code GET /demo/{service}/effects}), checked
 * against the orders that ran: each order step must have had its effect exactly once.
 */
final class EffectLedger {

  /**
   * What each demo service does for an order's step (reserveInventory, chargePayment, shipOrder).
   */
  static final Map<String, String> STEPS =
      Map.of("inventory", "reserve", "payment", "charge", "shipping", "ship");

  private final Map<String, List<Map<String, Object>>> effectsByService;

  private EffectLedger(Map<String, List<Map<String, Object>>> effectsByService) {
    this.effectsByService = effectsByService;
  }

  /** Reads every effect the three services recorded. */
  static EffectLedger read(BatonProcess node) {
    return new EffectLedger(
        STEPS.keySet().stream()
            .collect(
                Collectors.toMap(
                    service -> service,
                    service ->
                        node.asDemo()
                            .get("/demo/{service}/effects", service)
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getList("$"))));
  }

  /**
   * Order steps (instance × service) with no successful effect of the step's operation. A key names
   * its instance first ({@code <instance id>:<execution>}); the rest identifies one execution of
   * the step, so the operation the service recorded tells which step it was.
   */
  long missing(Collection<String> instanceIds) {
    return STEPS.entrySet().stream()
        .mapToLong(
            step -> {
              Set<String> done =
                  effectsByService.get(step.getKey()).stream()
                      .filter(effect -> step.getValue().equals(effect.get("operation")))
                      .filter(effect -> Integer.valueOf(200).equals(effect.get("status")))
                      .map(EffectLedger::instanceOf)
                      .collect(Collectors.toSet());
              return instanceIds.stream().filter(id -> !done.contains(id)).count();
            })
        .sum();
  }

  /** Effects beyond the first one a service recorded for one instance: a step done twice. */
  long duplicates() {
    return effectsByService.values().stream()
        .mapToLong(
            effects ->
                effects.stream()
                    .collect(Collectors.groupingBy(EffectLedger::instanceOf, Collectors.counting()))
                    .values()
                    .stream()
                    .mapToLong(count -> count - 1)
                    .sum())
        .sum();
  }

  /** Effects whose key arrived more than once: a step that ran again and had no second effect. */
  long repeated() {
    return effectsByService.values().stream()
        .flatMap(List::stream)
        .filter(effect -> (Integer) effect.get("attempts") > 1)
        .count();
  }

  /** All effects of the three services. */
  long total() {
    return effectsByService.values().stream().mapToLong(List::size).sum();
  }

  private static String instanceOf(Map<String, Object> effect) {
    String key = (String) effect.get("idempotencyKey");
    return key.substring(0, key.indexOf(':'));
  }
}
