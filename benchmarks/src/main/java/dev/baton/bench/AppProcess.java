package dev.baton.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One application under test in its own JVM: started, timed until ready, measured, stopped. */
final class AppProcess implements AutoCloseable {

  private final Process process;
  private final Http http;
  private final long bootMillis;

  private AppProcess(Process process, Http http, long bootMillis) {
    this.process = process;
    this.http = http;
    this.bootMillis = bootMillis;
  }

  /** Starts the target on a free port and returns once its readiness call answers 200. */
  static AppProcess start(Target target, Database database, Path log) throws Exception {
    int port = freePort();
    List<String> command = new ArrayList<>(target.command(database, port));
    Files.createDirectories(log.getParent());
    long started = System.nanoTime();
    ProcessBuilder builder = new ProcessBuilder(command);
    String jvm = System.getenv("BENCH_BATON_JVM");
    if (jvm != null) {
      builder.environment().put("BATON_JAVA_OPTS", jvm); // bin/baton's flags, for trying others
    }
    Process process =
        builder
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    Http http = target.http(port);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException(target.name() + " exited at start; see " + log);
      }
      if (System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new IllegalStateException(target.name() + " not ready in 180 s; see " + log);
      }
      if (http.status(target.readinessPath()) == 200) {
        break;
      }
      Thread.sleep(20);
    }
    long boot = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    return new AppProcess(process, http, boot);
  }

  Http http() {
    return http;
  }

  long bootMillis() {
    return bootMillis;
  }

  /** Resident memory of the process now (Linux /proc), in MiB. */
  long residentMiB() throws IOException {
    for (String line :
        Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    throw new IllegalStateException("no VmRSS for " + process.pid());
  }

  /** CPU time the process has used so far (user + system), in milliseconds. */
  long cpuMillis() throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    return ticks * 10; // USER_HZ is 100 on Linux
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(Duration.ofSeconds(60).toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
