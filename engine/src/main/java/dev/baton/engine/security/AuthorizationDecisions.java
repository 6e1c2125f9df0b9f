package dev.baton.engine.security;

import dev.baton.engine.system.BatonProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The engine's authorization decisions, remembered per user, groups, permission, resource type and
 * resource id for a few seconds: a worker completing tasks asks the same question ("may this worker
 * update instances of this definition?") on every call, and the engine answers it with one or two
 * queries each time. A change of authorizations on this node forgets the answers about the resource
 * it concerns (every resource of its type for a {@code *} grant), when it is made and again when it
 * commits; changes made on other nodes take effect within the cache time.
 */
@Component
public class AuthorizationDecisions {

  /** More distinct questions than this within the cache time: start over rather than grow. */
  static final int MAX_ENTRIES = 20_000;

  /** The resource an authorization row or a question is about ({@code *}: all of its type). */
  record Target(int resourceType, String resourceId) {
    boolean all() {
      return "*".equals(resourceId);
    }
  }

  /** One atomic question to the engine. */
  record Question(
      String userId, List<String> groupIds, int permission, String permissionName, Target target) {}

  /** When an answer was read: it is remembered only if nothing about its target changed since. */
  record Stamp(long everything, long target) {}

  private record Answer(boolean granted, long until) {}

  private static final int STRIPES = 64;

  private final long timeMillis;
  private final Clock clock;
  private final Map<Target, Map<Question, Answer>> answers = new ConcurrentHashMap<>();
  private final AtomicInteger size = new AtomicInteger();
  private final AtomicLongArray changes = new AtomicLongArray(STRIPES + 1);
  private final Counter hits;
  private final Counter misses;

  @Autowired
  AuthorizationDecisions(BatonProperties properties, Clock clock, MeterRegistry meters) {
    this(properties.getSecurity().getAuthorizationCache(), clock, meters);
  }

  AuthorizationDecisions(Duration time, Clock clock, MeterRegistry meters) {
    this.timeMillis = time.toMillis();
    this.clock = clock;
    this.hits = decisions(meters, "hit");
    this.misses = decisions(meters, "miss");
  }

  private static Counter decisions(MeterRegistry meters, String outcome) {
    return Counter.builder("baton.authorization.decisions")
        .description("Authorization questions answered from memory (hit) or by the engine (miss)")
        .tag("outcome", outcome)
        .register(meters);
  }

  /** Whether remembering is switched on ({@code baton.engine.security.authorization-cache > 0}). */
  boolean enabled() {
    return timeMillis > 0;
  }

  /** The remembered answer, or {@code null} when the engine must be asked. */
  Boolean answer(Question question) {
    Map<Question, Answer> about = answers.get(question.target());
    Answer answer = about == null ? null : about.get(question);
    if (answer == null || answer.until() <= clock.millis()) {
      misses.increment();
      return null;
    }
    hits.increment();
    return answer.granted();
  }

  /** To pass to {@link #remember} with an answer about to be read from the engine. */
  Stamp stamp(Question question) {
    return new Stamp(changes.get(STRIPES), changes.get(stripe(question.target())));
  }

  /**
   * Remembers the engine's answer, unless authorizations about its target changed since {@code
   * stamp} was taken (the answer may then describe the state before the change).
   */
  void remember(Question question, boolean granted, Stamp stamp) {
    if (size.incrementAndGet() > MAX_ENTRIES) {
      forgetAll();
      size.incrementAndGet();
    }
    answers
        .computeIfAbsent(question.target(), target -> new ConcurrentHashMap<>())
        .put(question, new Answer(granted, clock.millis() + timeMillis));
    if (!stamp.equals(stamp(question))) {
      forget(question.target());
    }
  }

  /** Authorizations about {@code target} changed (or are about to commit a change). */
  void forget(Target target) {
    if (target.all()) {
      changes.incrementAndGet(STRIPES);
      answers.keySet().removeIf(known -> known.resourceType() == target.resourceType());
    } else {
      changes.incrementAndGet(stripe(target));
      answers.remove(target);
    }
  }

  /** Authorizations changed in ways not tied to one resource: forget every answer. */
  void forgetAll() {
    changes.incrementAndGet(STRIPES);
    answers.clear();
    size.set(0);
  }

  private static int stripe(Target target) {
    return Math.floorMod(Objects.hash(target.resourceType(), target.resourceId()), STRIPES);
  }
}
