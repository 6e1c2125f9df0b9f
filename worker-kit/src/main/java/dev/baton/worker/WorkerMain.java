package dev.baton.worker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs a worker from a YAML file: {@code java -jar worker-kit-<version>-worker.jar --config
 * worker.yml}. Topics with an {@code http} section call that service. The environment variable
 * {@value #KEY_ENV} overrides the file's {@code key}. Stops gracefully on SIGTERM / Ctrl-C.
 */
public final class WorkerMain {

  /** Environment variable that overrides {@code key}, so the secret need not sit in the file. */
  static final String KEY_ENV = "BATON_WORKER_KEY";

  private static final String USAGE = "usage: java -jar <worker.jar> --config <worker.yml>";

  private WorkerMain() {}

  public static void main(String[] args) {
    logDefaults();
    WorkerConfig config;
    try {
      config = configure(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("baton-worker: " + e.getMessage());
      System.exit(2);
      return;
    }
    Worker worker = Worker.start(config, Map.of());
    Runtime.getRuntime().addShutdownHook(new Thread(worker::close, "baton-worker-shutdown"));
  }

  /**
   * Timestamps, and the client's start-up chatter off; set before the first logger exists, and only
   * where {@code -D} options did not (slf4j-simple reads {@code org.slf4j.simpleLogger.*}).
   */
  private static void logDefaults() {
    Map.of(
            "org.slf4j.simpleLogger.showDateTime", "true",
            "org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX",
            "org.slf4j.simpleLogger.log.org.camunda.bpm.client", "warn")
        .forEach(
            (name, value) -> {
              if (System.getProperty(name) == null) {
                System.setProperty(name, value);
              }
            });
  }

  /** Reads the file named by {@code --config} and applies the environment's key. */
  static WorkerConfig configure(String[] args, Map<String, String> env) {
    Path file = configPath(args);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + ": no such file");
    }
    WorkerConfig config = new WorkerConfigReader().read(file);
    String key = env.get(KEY_ENV);
    if (key != null && !key.isBlank()) {
      config.setKey(key);
    }
    return config;
  }

  private static Path configPath(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("--config=")) {
        return Path.of(args[i].substring("--config=".length()));
      }
      if (args[i].equals("--config") && i + 1 < args.length) {
        return Path.of(args[i + 1]);
      }
    }
    throw new IllegalArgumentException("no config file given; " + USAGE);
  }
}
