package dev.baton.engine.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.engine.system.BadRequestException;
import dev.baton.engine.system.BatonProperties;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo order services' behaviour: each operation happens at most once per idempotency key (a
 * repeated key answers what the first call answered), payments over the limit are declined, and
 * each service can be switched off to answer 503.
 */
@Service
public class DemoServices {

  static final Set<String> SERVICES = Set.of("inventory", "payment", "shipping");
  static final String UNSERVED_COUNTRY = "XX";

  private final DemoEffectRepository effects;
  private final TransactionTemplate transactions;
  private final long paymentLimit;
  private final Set<String> unavailable = ConcurrentHashMap.newKeySet();

  DemoServices(
      DemoEffectRepository effects, TransactionTemplate transactions, BatonProperties properties) {
    this.effects = effects;
    this.transactions = transactions;
    this.paymentLimit = properties.getDemo().getPaymentLimit();
  }

  /** A demo service's answer: status and JSON body. */
  public record Answer(int status, String body) {}

  public Answer reserve(String key) {
    return once(
        "inventory", "reserve", key, () -> ok("{\"reservationId\":\"res-" + shortId() + "\"}"));
  }

  public Answer release(String key) {
    return once("inventory", "release", key, () -> ok("{\"released\":true}"));
  }

  public Answer charge(String key, JsonNode order) {
    double amount = order.path("amount").asDouble(0);
    return once(
        "payment",
        "charge",
        key,
        () ->
            amount > paymentLimit
                ? new Answer(
                    HttpStatus.UNPROCESSABLE_ENTITY.value(),
                    "{\"errorCode\":\"PAYMENT_DECLINED\",\"message\":\"Payment of "
                        + amount
                        + " declined: over the limit of "
                        + paymentLimit
                        + "\"}")
                : ok("{\"paymentId\":\"pay-" + shortId() + "\"}"));
  }

  public Answer refund(String key) {
    return once("payment", "refund", key, () -> ok("{\"refundId\":\"ref-" + shortId() + "\"}"));
  }

  /** Ships anywhere but to country {@value #UNSERVED_COUNTRY}, which no carrier serves. */
  public Answer ship(String key, JsonNode order) {
    String country = order.path("country").asText("");
    return once(
        "shipping",
        "ship",
        key,
        () ->
            UNSERVED_COUNTRY.equals(country)
                ? new Answer(
                    HttpStatus.UNPROCESSABLE_ENTITY.value(),
                    "{\"errorCode\":\"SHIPPING_REJECTED\",\"message\":\"No carrier ships to "
                        + country
                        + "\"}")
                : ok("{\"trackingNumber\":\"TRK-" + shortId() + "\"}"));
  }

  /** Switches a service on or off (off: every call answers 503). */
  public void setAvailable(String service, boolean available) {
    requireKnown(service);
    if (available) {
      unavailable.remove(service);
    } else {
      unavailable.add(service);
    }
  }

  /** The effects a service recorded for keys starting with {@code prefix}. */
  public List<DemoEffect> effects(String service, String prefix) {
    requireKnown(service);
    return effects.findByServiceAndIdempotencyKeyStartingWithOrderByIdAsc(
        service, prefix == null ? "" : prefix);
  }

  private Answer once(String service, String operation, String key, Supplier<Answer> effect) {
    if (unavailable.contains(service)) {
      return new Answer(
          HttpStatus.SERVICE_UNAVAILABLE.value(),
          "{\"message\":\"The " + service + " service is switched off for a demo\"}");
    }
    if (key == null || key.isBlank()) {
      return new Answer(
          HttpStatus.BAD_REQUEST.value(),
          "{\"message\":\"An Idempotency-Key header is required\"}");
    }
    try {
      return transactions.execute(status -> perform(service, operation, key, effect));
    } catch (DataIntegrityViolationException concurrentFirstCall) {
      return transactions.execute(status -> perform(service, operation, key, effect));
    }
  }

  private Answer perform(String service, String operation, String key, Supplier<Answer> effect) {
    return effects
        .findByServiceAndIdempotencyKey(service, key)
        .map(
            existing -> {
              existing.countRepeat();
              return new Answer(existing.getStatus(), existing.getResponseBody());
            })
        .orElseGet(
            () -> {
              Answer answer = effect.get();
              effects.saveAndFlush(
                  new DemoEffect(service, operation, key, answer.status(), answer.body()));
              return answer;
            });
  }

  private static void requireKnown(String service) {
    if (!SERVICES.contains(service)) {
      throw new BadRequestException("Unknown demo service '" + service + "'; known: " + SERVICES);
    }
  }

  private static Answer ok(String body) {
    return new Answer(HttpStatus.OK.value(), body);
  }

  private static String shortId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
