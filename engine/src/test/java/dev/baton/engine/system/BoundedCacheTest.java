package dev.baton.engine.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoundedCacheTest {

  @Test
  void shouldEvictOnlyTheLeastRecentlyUsedEntryWhenFull() {
    // given a full cache whose first entry was used last
    BoundedCache<String, Integer> cache = new BoundedCache<>(3);
    cache.put("a", 1);
    cache.put("b", 2);
    cache.put("c", 3);
    cache.get("a");

    // when
    cache.put("d", 4);

    // then
    assertThat(cache.size()).isEqualTo(3);
    assertThat(cache.get("b")).isNull();
    assertThat(cache.get("a")).isEqualTo(1);
    assertThat(cache.get("c")).isEqualTo(3);
    assertThat(cache.get("d")).isEqualTo(4);
  }
}
