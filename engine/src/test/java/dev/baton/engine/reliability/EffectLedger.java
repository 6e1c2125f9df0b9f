package dev.baton.engine.reliability;

import dev.baton.engine.BatonProcess;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the demo services did, as a node reports it ({@code GET /demo/{service}/effects}), checked
 * against the orders that ran: each order step must have had its effect exactly once.
 */
final class EffectLedger {

  /** The order process's step that calls each demo service. */
  static final Map<String, String> STEPS =
      Map.of("inventory", "reserveInventory", "payment", "chargePayment", "shipping", "shipOrder");

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

  /** Order steps (instance × service) with no successful effect under the step's key. */
  long missing(Collection<String> instanceIds) {
    return STEPS.entrySet().stream()
        .mapToLong(
            step -> {
              Map<String, Integer> statusByKey =
                  effectsByService.get(step.getKey()).stream()
                      .collect(
                          Collectors.toMap(
                              effect -> (String) effect.get("idempotencyKey"),
                              effect -> (Integer) effect.get("status"),
                              (first, second) -> first));
              return instanceIds.stream()
                  .filter(id -> !Integer.valueOf(200).equals(statusByKey.get(key(id, step))))
                  .count();
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

  private static String key(String instanceId, Map.Entry<String, String> step) {
    return instanceId + ":" + step.getValue();
  }

  private static String instanceOf(Map<String, Object> effect) {
    String key = (String) effect.get("idempotencyKey");
    return key.substring(0, key.indexOf(':'));
  }
}
