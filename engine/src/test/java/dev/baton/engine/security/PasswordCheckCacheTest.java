package dev.baton.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.system.BatonProperties;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordCheckCacheTest {

  private final MovableClock clock = new MovableClock();

  @Test
  void shouldAnswerTheSamePasswordFromMemoryUntilTheCacheTimeEnds() {
    // given
    PasswordCheckCache cache = cache(Duration.ofSeconds(5));
    cache.remember("alice", "s3cret", List.of("operator"));

    // when / then
    assertThat(cache.groups("alice", "s3cret")).contains(List.of("operator"));
    clock.advance(Duration.ofMillis(4_999));
    assertThat(cache.groups("alice", "s3cret")).contains(List.of("operator"));
    clock.advance(Duration.ofMillis(1));
    assertThat(cache.groups("alice", "s3cret")).isEmpty();
  }

  @Test
  void shouldNeverAnswerAnotherPasswordOrAnotherUser() {
    // given
    PasswordCheckCache cache = cache(Duration.ofSeconds(5));
    cache.remember("alice", "s3cret", List.of("operator"));

    // when / then
    assertThat(cache.groups("alice", "s3cret ")).isEmpty();
    assertThat(cache.groups("alice", "")).isEmpty();
    assertThat(cache.groups("bob", "s3cret")).isEmpty();
    assertThat(cache.groups("alic", "es3cret")).isEmpty();
  }

  @Test
  void shouldForgetEverythingOnRequest() {
    // given
    PasswordCheckCache cache = cache(Duration.ofSeconds(5));
    cache.remember("alice", "s3cret", List.of("operator"));
    cache.remember("bob", "pw", List.of("analyst"));

    // when
    cache.forgetAll();

    // then
    assertThat(cache.groups("alice", "s3cret")).isEmpty();
    assertThat(cache.groups("bob", "pw")).isEmpty();
  }

  @Test
  void shouldRememberNothingWhenTheCacheTimeIsZero() {
    // given
    PasswordCheckCache cache = cache(Duration.ZERO);

    // when
    cache.remember("alice", "s3cret", List.of("operator"));

    // then
    assertThat(cache.groups("alice", "s3cret")).isEmpty();
  }

  @Test
  void shouldStartOverRatherThanGrowPastItsLimit() {
    // given a full cache
    PasswordCheckCache cache = cache(Duration.ofSeconds(5));
    for (int i = 0; i < PasswordCheckCache.MAX_ENTRIES; i++) {
      cache.remember("user" + i, "pw", List.of());
    }

    // when
    cache.remember("alice", "s3cret", List.of("operator"));

    // then
    assertThat(cache.groups("user0", "pw")).isEmpty();
    assertThat(cache.groups("alice", "s3cret")).contains(List.of("operator"));
  }

  private PasswordCheckCache cache(Duration time) {
    BatonProperties properties = new BatonProperties();
    properties.getSecurity().setPasswordCheckCache(time);
    return new PasswordCheckCache(properties, clock);
  }
}
