package dev.baton.engine.security;

import dev.baton.engine.system.BatonProperties;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Remembers a person's successful password check for a few seconds, so that a tool sending HTTP
 * Basic on every call does not cost two engine queries per call. Only a keyed hash of the password
 * is kept (the key is random per process), never the password; a different password is checked
 * against the engine again. Any change of users, groups or memberships on this node forgets
 * everything at once ({@link IdentityChangeListener}); on other nodes it takes effect within the
 * cache time.
 */
@Component
class PasswordCheckCache {

  /** More distinct users than this within the cache time: start over rather than grow. */
  static final int MAX_ENTRIES = 10_000;

  private final Duration time;
  private final Clock clock;
  private final SecretKeySpec key;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  private record Entry(byte[] passwordHash, List<String> groups, Instant until) {}

  PasswordCheckCache(BatonProperties properties, Clock clock) {
    this.time = properties.getSecurity().getPasswordCheckCache();
    this.clock = clock;
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  /** The user's groups if this exact password passed the engine's check within the cache time. */
  Optional<List<String>> groups(String user, String password) {
    Entry entry = entries.get(user);
    if (entry == null || !entry.until().isAfter(clock.instant())) {
      return Optional.empty();
    }
    return MessageDigest.isEqual(entry.passwordHash(), hash(user, password))
        ? Optional.of(entry.groups())
        : Optional.empty();
  }

  /** Records a password the engine accepted, with the user's groups at that moment. */
  void remember(String user, String password, List<String> groups) {
    if (time.isZero() || time.isNegative()) {
      return;
    }
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear();
    }
    entries.put(
        user, new Entry(hash(user, password), List.copyOf(groups), clock.instant().plus(time)));
  }

  /** Forgets every remembered check: the next call of each user asks the engine again. */
  void forgetAll() {
    entries.clear();
  }

  private byte[] hash(String user, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(user.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
