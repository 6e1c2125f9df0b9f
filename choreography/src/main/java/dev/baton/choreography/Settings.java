package dev.baton.choreography;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the services and the runner read, from {@code --key=value} arguments (see {@link
 * #DEFAULTS}); an unknown key fails at start rather than being ignored.
 */
public final class Settings {

  /** Every key with its default; README lists what each means. */
  static final Map<String, String> DEFAULTS = defaults();

  private final Map<String, String> values;

  private Settings(Map<String, String> values) {
    this.values = values;
  }

  private static Map<String, String> defaults() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("amqp-host", "127.0.0.1");
    d.put("amqp-port", "5672");
    d.put("amqp-user", "guest");
    d.put("amqp-password", "guest");
    // the topic exchange; each service's queue is <exchange>.<service>, dead letters
    // <exchange>.dead
    d.put("exchange", "orders");
    // true: queues expire when unused and exchanges go with their last binding (tests, trials)
    d.put("temporary", "false");
    // order: inventory, payment, shipping; chain: step-1 … step-N, no-op
    d.put("flow", "order");
    d.put("steps", "3");
    // which of the flow's services this process runs, comma-separated; all by default
    d.put("services", "all");
    d.put("ledger-url", "http://127.0.0.1:8080/demo");
    d.put("ledger-user", "");
    d.put("ledger-password", "");
    d.put("ledger-timeout", "5s");
    // {service} becomes the service's name: one H2 file each; a PostgreSQL URL shares one database
    d.put("jdbc-url", "jdbc:h2:file:./data/choreography/{service};WRITE_DELAY=0");
    d.put("jdbc-user", "sa");
    d.put("jdbc-password", "");
    d.put("consumers", "4");
    d.put("prefetch", "10");
    // a technical failure (5xx, timeout) is tried this often, this far apart, then dead-lettered
    d.put("attempts", "3");
    d.put("retry-delay", "5s");
    d.put("confirm-timeout", "10s");
    // failure injection: the service at this position (1 = first step) fails for this fraction
    d.put("fail-step", "0");
    d.put("fail-fraction", "0");
    // GET /{service}/orders/{id} on this port; 0 = off
    d.put("http-port", "0");
    // runner only
    d.put("orders", "100");
    d.put("decline-fraction", "0");
    d.put("amount", "100");
    d.put("declined-amount", "20000");
    d.put("country", "DE");
    d.put("timeout", "60s");
    d.put("start-services", "true");
    return Collections.unmodifiableMap(d);
  }

  /** The defaults overridden by {@code --key=value} arguments. */
  public static Settings parse(List<String> args) {
    Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("Expected --key=value, got '" + arg + "'");
      }
      String key = arg.substring(2, arg.indexOf('='));
      if (!DEFAULTS.containsKey(key)) {
        throw new IllegalArgumentException(
            "Unknown setting '" + key + "'; known: " + DEFAULTS.keySet());
      }
      values.put(key, arg.substring(arg.indexOf('=') + 1));
    }
    return new Settings(values);
  }

  /** A copy with some values replaced (keys as in {@link #DEFAULTS}). */
  public Settings with(Map<String, String> overrides) {
    Map<String, String> copy = new LinkedHashMap<>(values);
    overrides.forEach(
        (key, value) -> {
          if (!DEFAULTS.containsKey(key)) {
            throw new IllegalArgumentException("Unknown setting '" + key + "'");
          }
          copy.put(key, value);
        });
    return new Settings(copy);
  }

  public String text(String key) {
    String value = values.get(key);
    if (value == null) {
      throw new IllegalArgumentException("Unknown setting '" + key + "'");
    }
    return value;
  }

  public int integer(String key) {
    return Integer.parseInt(text(key).trim());
  }

  public double fraction(String key) {
    double value = Double.parseDouble(text(key).trim());
    if (value < 0 || value > 1) {
      throw new IllegalArgumentException(key + " must be between 0 and 1, got " + value);
    }
    return value;
  }

  public boolean flag(String key) {
    return Boolean.parseBoolean(text(key).trim());
  }

  /** {@code 250ms}, {@code 5s}, {@code 2m} or ISO-8601 ({@code PT5S}). */
  public Duration duration(String key) {
    String value = text(key).trim().toLowerCase();
    if (value.startsWith("pt")) {
      return Duration.parse(value.toUpperCase());
    }
    if (value.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
    }
    long amount = Long.parseLong(value.substring(0, value.length() - 1));
    return switch (value.charAt(value.length() - 1)) {
      case 's' -> Duration.ofSeconds(amount);
      case 'm' -> Duration.ofMinutes(amount);
      default -> throw new IllegalArgumentException(key + ": unreadable duration '" + value + "'");
    };
  }

  /** The services this process runs, or every one when {@code services=all}. */
  public boolean runs(String service) {
    String chosen = text("services").trim();
    return chosen.equals("all") || Arrays.asList(chosen.split("\\s*,\\s*")).contains(service);
  }
}
