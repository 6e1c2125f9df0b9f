package dev.baton.adapters;

import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** The adapters Baton knows, by name. Built once at startup; read-only afterwards. */
public class AdapterRegistry {

  private final Map<String, ServiceAdapter> adapters;

  public AdapterRegistry(Map<String, ? extends ServiceAdapter> adapters) {
    this.adapters = Collections.unmodifiableMap(new TreeMap<>(adapters));
  }

  /** The adapter with that name, or {@link UnknownAdapterException}. */
  public ServiceAdapter resolve(String name) {
    ServiceAdapter adapter = adapters.get(name);
    if (adapter == null) {
      throw new UnknownAdapterException(name, adapters.keySet());
    }
    return adapter;
  }

  public SortedSet<String> names() {
    return new TreeSet<>(adapters.keySet());
  }
}
