package dev.baton.engine.security;

import dev.baton.engine.system.BatonProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * What a signed-in person is right now (their groups and a stamp of their stored password), kept
 * for the password check cache's time so that a console session is checked against the engine at
 * most once per person in that time. Forgotten at once on any identity change on this node ({@link
 * IdentityChangeListener}); on other nodes a change takes effect within the cache time.
 */
@Component
class SessionIdentityCache {

  /** More distinct people than this within the cache time: start over rather than grow. */
  static final int MAX_ENTRIES = 10_000;

  /** A person as the engine holds them; no entry at all when the person was removed. */
  record Identity(List<String> groups, String credentialStamp) {}

  private record Entry(Optional<Identity> identity, Instant until) {}

  private final Duration time;
  private final Clock clock;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  SessionIdentityCache(BatonProperties properties, Clock clock) {
    this.time = properties.getSecurity().getPasswordCheckCache();
    this.clock = clock;
  }

  /** The remembered state of {@code user}, or {@code null} when it must be read again. */
  Optional<Identity> get(String user) {
    Entry entry = entries.get(user);
    return entry == null || !entry.until().isAfter(clock.instant()) ? null : entry.identity();
  }

  void put(String user, Optional<Identity> identity) {
    if (time.isZero() || time.isNegative()) {
      return;
    }
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear();
    }
    entries.put(user, new Entry(identity, clock.instant().plus(time)));
  }

  /** Forgets one person (by the user name their sessions are keyed by), keeping everyone else. */
  void forget(String user) {
    entries.remove(user);
  }

  void forgetAll() {
    entries.clear();
  }
}
