package dev.baton.engine;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Baton as its own operating-system process (the packaged jar), on an H2 file of the caller's
 * choosing or on a PostgreSQL database: what a crash test needs to kill and restart.
 */
public final class BatonProcess implements AutoCloseable {

  private final Process process;
  private final int port;

  private BatonProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts the jar on a free port with the demo user and services, and waits until it is up. */
  public static BatonProcess start(Path dataDirectory, Path log, String... extraArguments)
      throws IOException {
    List<String> arguments = new ArrayList<>();
    arguments.add("--spring.profiles.active=default");
    arguments.add("--baton.engine.security.demo-user=true");
    arguments.add("--baton.engine.demo.enabled=true");
    arguments.addAll(List.of(extraArguments));
    BatonProcess baton = launch(dataDirectory, log, arguments);
    baton.awaitHealthy();
    return baton;
  }

  /**
   * Starts the jar with the postgres profile on that database, with the demo user and services, and
   * waits until it is up. Several such nodes on one database form a cluster.
   */
  public static BatonProcess startOnPostgres(String jdbcUrl, Path log, String... extraArguments)
      throws IOException {
    List<String> arguments = new ArrayList<>();
    arguments.add("--spring.profiles.active=postgres");
    arguments.add("--BATON_DB_URL=" + jdbcUrl);
    arguments.add("--baton.engine.security.demo-user=true");
    arguments.add("--baton.engine.demo.enabled=true");
    arguments.addAll(List.of(extraArguments));
    BatonProcess baton = launch(Files.createTempDirectory("baton-pg-"), log, arguments);
    baton.awaitHealthy();
    return baton;
  }

  /** Starts the jar with exactly these arguments (plus port and data directory); does not wait. */
  public static BatonProcess launch(Path dataDirectory, Path log, List<String> arguments)
      throws IOException {
    String jar = System.getProperty("baton.it.jar", "target/baton.jar");
    if (!Files.exists(Path.of(jar))) {
      throw new IllegalStateException("Packaged jar " + jar + " is missing: run 'mvn verify'");
    }
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx512m", "-XX:+UseSerialGC", "-jar", jar));
    command.add("--server.port=" + port);
    command.add("--BATON_DATA_DIR=" + dataDirectory);
    command.addAll(arguments);
    Files.createDirectories(log.getParent());
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    return new BatonProcess(process, port);
  }

  /** Waits for the process to exit by itself and returns its exit code. */
  public int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("Baton did not exit within " + timeout);
    }
    return process.exitValue();
  }

  /** Waits until /actuator/health answers 200. */
  public void awaitHealthy() {
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException("Baton exited with " + process.exitValue());
              }
              return given().port(port).get("/actuator/health").statusCode() == 200;
            });
  }

  /** Whether the operating-system process still runs. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** A request to this process, signed in as the demo user. */
  public RequestSpecification asDemo() {
    return as("demo", "demo");
  }

  /** A request to this process, signed in as that user. */
  public RequestSpecification as(String user, String password) {
    return given().port(port).auth().preemptive().basic(user, password).accept(ContentType.JSON);
  }

  /** A request to this process without credentials. */
  public RequestSpecification anonymous() {
    return given().port(port).accept(ContentType.JSON);
  }

  /** SIGKILL: no shutdown hook, no flush, no goodbye. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM: Spring's graceful shutdown. */
  public void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      kill();
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
