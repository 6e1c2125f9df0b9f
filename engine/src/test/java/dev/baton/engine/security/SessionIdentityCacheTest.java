package dev.baton.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.security.SessionIdentityCache.Identity;
import dev.baton.engine.system.BatonProperties;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionIdentityCacheTest {

  private final MovableClock clock = new MovableClock();

  @Test
  void shouldForgetOnePersonAndKeepEveryoneElse() {
    // given two people remembered
    SessionIdentityCache cache = cache(Duration.ofSeconds(5));
    cache.put("alice", identity("operator", "stamp-a"));
    cache.put("bob", identity("analyst", "stamp-b"));

    // when
    cache.forget("alice");

    // then alice is read again, bob is still remembered
    assertThat(cache.get("alice")).isNull();
    assertThat(cache.get("bob")).isEqualTo(identity("analyst", "stamp-b"));
  }

  @Test
  void shouldForgetEveryoneOnRequest() {
    // given
    SessionIdentityCache cache = cache(Duration.ofSeconds(5));
    cache.put("alice", identity("operator", "stamp-a"));
    cache.put("bob", identity("analyst", "stamp-b"));

    // when
    cache.forgetAll();

    // then
    assertThat(cache.get("alice")).isNull();
    assertThat(cache.get("bob")).isNull();
  }

  private SessionIdentityCache cache(Duration time) {
    BatonProperties properties = new BatonProperties();
    properties.getSecurity().setPasswordCheckCache(time);
    return new SessionIdentityCache(properties, clock);
  }

  private static Optional<Identity> identity(String group, String stamp) {
    return Optional.of(new Identity(List.of(group), stamp));
  }
}
