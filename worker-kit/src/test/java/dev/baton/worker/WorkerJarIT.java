package dev.baton.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged worker jar ({@code mvn package}): what it holds, and that it runs on its own. */
class WorkerJarIT {

  @TempDir Path dir;

  @Test
  void shouldShipTheExternalTaskClientAndNoPartOfTheEngine() throws IOException {
    // given
    Path jar = workerJar();

    // when
    List<String> libraries;
    try (JarFile file = new JarFile(jar.toFile())) {
      libraries =
          file.stream()
              .map(ZipEntry::getName)
              .filter(name -> name.startsWith("BOOT-INF/lib/") && name.endsWith(".jar"))
              .map(name -> name.substring("BOOT-INF/lib/".length()))
              .toList();
    }

    // then
    assertThat(libraries).anyMatch(name -> name.startsWith("camunda-external-task-client-"));
    assertThat(libraries)
        .noneMatch(name -> name.startsWith("camunda-engine"))
        .noneMatch(name -> name.startsWith("mybatis-"))
        .noneMatch(name -> name.startsWith("feel-engine"))
        .noneMatch(name -> name.startsWith("service-adapters-"));
  }

  @Test
  void shouldRunFromItsJarAndRefuseABadFileWithStatusTwo() throws Exception {
    // given a file the YAML reader refuses: the jar must hold the reader and its libraries
    Path config = dir.resolve("worker.yml");
    Files.writeString(
        config,
        """
        baseUrl: http://localhost:1/engine-rest
        workerId: w1
        maxTasks: 2
        topcs: []
        """);

    // when
    Process worker =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                workerJar().toString(),
                "--config",
                config.toString())
            .redirectErrorStream(true)
            .start();
    boolean exited = worker.waitFor(30, TimeUnit.SECONDS);
    if (!exited) {
      worker.destroyForcibly();
    }
    String output = new String(worker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    // then
    assertThat(exited).as("worker exited; output: %s", output).isTrue();
    assertThat(worker.exitValue()).as(output).isEqualTo(2);
    assertThat(output).contains("baton-worker:").contains("topcs");
  }

  private static Path workerJar() {
    String jar = System.getProperty("baton.it.worker-jar");
    assertThat(jar).as("worker jar (mvn package builds it)").isNotNull();
    assertThat(Path.of(jar)).exists();
    return Path.of(jar);
  }
}
