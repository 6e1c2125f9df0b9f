package dev.baton.engine.reliability;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The machine's PostgreSQL cluster (Debian's {@code pg_ctlcluster}, run as root here and in CI),
 * stopped and started by a test that is about a database outage.
 */
final class PostgresServer {

  private static final String CLUSTER = "main";
  private static final long COMMAND_TIMEOUT_SECONDS = 120;

  private PostgresServer() {}

  /** Stops the server the way an administrator's restart does: clients are cut off at once. */
  static void stop() throws IOException, InterruptedException {
    run(List.of("pg_ctlcluster", "--skip-systemctl-redirect", version(), CLUSTER, "stop"));
  }

  /** Starts the server unless it runs already, and waits until it accepts connections. */
  static void start() throws IOException, InterruptedException {
    if (!isReady()) {
      run(List.of("pg_ctlcluster", "--skip-systemctl-redirect", version(), CLUSTER, "start"));
    }
    for (int i = 0; i < COMMAND_TIMEOUT_SECONDS && !isReady(); i++) {
      TimeUnit.SECONDS.sleep(1);
    }
    if (!isReady()) {
      throw new IllegalStateException("PostgreSQL did not come back");
    }
  }

  static boolean isReady() throws IOException, InterruptedException {
    return exitCode(List.of("pg_isready", "-q", "-h", "127.0.0.1", "-p", "5432")) == 0;
  }

  /** The one installed major version, the directory name under /etc/postgresql. */
  private static String version() throws IOException {
    try (Stream<Path> versions = Files.list(Path.of("/etc/postgresql"))) {
      return versions
          .map(path -> path.getFileName().toString())
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("No cluster under /etc/postgresql"));
    }
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    int exit = exitCode(command);
    if (exit != 0) {
      throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
    }
  }

  private static int exitCode(List<String> command) throws IOException, InterruptedException {
    Path log = Path.of("target", "forked", "pg_ctlcluster.log");
    Files.createDirectories(log.getParent());
    File output = log.toFile();
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(output))
            .start();
    if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " did not finish");
    }
    return process.exitValue();
  }
}
