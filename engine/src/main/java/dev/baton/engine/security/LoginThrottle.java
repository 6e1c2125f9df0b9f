package dev.baton.engine.security;

import dev.baton.engine.system.BatonProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per client address and per user name; after {@code max-failures} of
 * either, sign-ins are refused for a back-off that doubles with each further failure. A success
 * forgets both. Kept in memory: each node of a cluster counts on its own.
 */
@Component
class LoginThrottle {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

  private final BatonProperties.LoginThrottle settings;
  private final Clock clock;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();
  private volatile boolean warnedFull;

  LoginThrottle(BatonProperties properties, Clock clock) {
    this.settings = properties.getSecurity().getLoginThrottle();
    this.clock = clock;
  }

  /**
   * How long sign-ins from this address or for this user are still refused; zero if they are not.
   */
  Duration retryAfter(String address, String user) {
    Instant now = clock.instant();
    Duration byAddress = remaining(failures.get(addressKey(address)), now);
    Duration byUser = user == null ? Duration.ZERO : remaining(failures.get(userKey(user)), now);
    return byAddress.compareTo(byUser) >= 0 ? byAddress : byUser;
  }

  void failed(String address, String user) {
    count(addressKey(address));
    if (user != null) {
      count(userKey(user));
    }
  }

  void succeeded(String address, String user) {
    failures.remove(addressKey(address));
    if (user != null) {
      failures.remove(userKey(user));
    }
  }

  /** Drops what the window has forgotten, so the map holds only recent failures. */
  @Scheduled(fixedDelay = 60_000)
  void forgetOld() {
    Instant now = clock.instant();
    failures.values().removeIf(f -> isForgotten(f, now));
    warnedFull = false;
  }

  private void count(String key) {
    Instant now = clock.instant();
    if (!failures.containsKey(key) && failures.size() >= settings.getMaxTracked()) {
      forgetOld();
      if (failures.size() >= settings.getMaxTracked()) {
        if (!warnedFull) {
          warnedFull = true;
          LOG.warn(
              "Sign-in throttle is full ({} keys): new addresses and names go uncounted",
              failures.size());
        }
        return;
      }
    }
    failures.compute(
        key,
        (k, previous) -> {
          int count = previous == null || isForgotten(previous, now) ? 1 : previous.count() + 1;
          return new Failures(count, now, lockedUntil(count, now));
        });
  }

  private Instant lockedUntil(int count, Instant now) {
    int over = count - settings.getMaxFailures();
    if (over < 0) {
      return null;
    }
    Duration backOff = settings.getBackOff().multipliedBy(1L << Math.min(over, 20));
    return now.plus(
        backOff.compareTo(settings.getMaxBackOff()) > 0 ? settings.getMaxBackOff() : backOff);
  }

  private boolean isForgotten(Failures f, Instant now) {
    boolean locked = f.lockedUntil() != null && now.isBefore(f.lockedUntil());
    return !locked && now.isAfter(f.last().plus(settings.getWindow()));
  }

  private static Duration remaining(Failures f, Instant now) {
    return f == null || f.lockedUntil() == null || !now.isBefore(f.lockedUntil())
        ? Duration.ZERO
        : Duration.between(now, f.lockedUntil());
  }

  private static String addressKey(String address) {
    return "address:" + address;
  }

  private static String userKey(String user) {
    return "user:" + user.toLowerCase(Locale.ROOT);
  }

  /** Failures in a row; the last one's time; refused until (null while under the limit). */
  private record Failures(int count, Instant last, Instant lockedUntil) {}
}
