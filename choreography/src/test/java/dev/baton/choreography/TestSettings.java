package dev.baton.choreography;

import java.util.List;
import java.util.UUID;

/** Settings for one test: its own exchange, in-memory state per service, short retries. */
final class TestSettings {

  private TestSettings() {}

  static Settings of(String ledgerUrl, String... more) {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "--amqp-host=" + env("CHOREO_AMQP_HOST", "127.0.0.1"),
                "--amqp-port=" + env("CHOREO_AMQP_PORT", "5672"),
                "--exchange=choreo-it-" + run,
                "--temporary=true",
                "--jdbc-url=jdbc:h2:mem:choreo-" + run + "-{service};DB_CLOSE_DELAY=-1",
                "--ledger-url=" + ledgerUrl,
                "--consumers=2",
                "--attempts=3",
                "--retry-delay=50ms"));
    args.addAll(List.of(more));
    return Settings.parse(args);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
