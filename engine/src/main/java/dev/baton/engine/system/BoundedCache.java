package dev.baton.engine.system;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A thread-safe map of at most {@code maxEntries}: adding one more evicts the least recently used
 * entry, one at a time, so a full cache keeps what is in use instead of forgetting everything.
 */
public final class BoundedCache<K, V> {

  private final Map<K, V> entries;

  public BoundedCache(int maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalStateException("a cache holds at least one entry, not " + maxEntries);
    }
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > maxEntries;
          }
        };
  }

  public synchronized V get(K key) {
    return entries.get(key);
  }

  public synchronized void put(K key, V value) {
    entries.put(key, value);
  }

  public synchronized V computeIfAbsent(K key, Function<K, V> value) {
    return entries.computeIfAbsent(key, value);
  }

  public synchronized V remove(K key) {
    return entries.remove(key);
  }

  public synchronized int size() {
    return entries.size();
  }
}
