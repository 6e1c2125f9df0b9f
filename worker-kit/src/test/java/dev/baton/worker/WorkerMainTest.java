package dev.baton.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerMainTest {

  @TempDir Path dir;

  @Test
  void shouldLetTheEnvironmentOverrideTheKey() throws IOException {
    // given
    Path file = config("key: from-file\n");

    // when
    WorkerConfig config =
        WorkerMain.configure(
            new String[] {"--config", file.toString()}, Map.of(WorkerMain.KEY_ENV, "from-env"));

    // then
    assertThat(config.getKey()).isEqualTo("from-env");
  }

  @Test
  void shouldKeepTheFilesKeyWithoutEnvironment() throws IOException {
    // given
    Path file = config("key: from-file\n");

    // when
    WorkerConfig config = WorkerMain.configure(new String[] {"--config=" + file}, Map.of());

    // then
    assertThat(config.getKey()).isEqualTo("from-file");
  }

  @Test
  void shouldExplainUsageWithoutConfig() {
    // given / when / then
    assertThatThrownBy(() -> WorkerMain.configure(new String[0], Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--config <worker.yml>");
  }

  private Path config(String extra) throws IOException {
    Path file = dir.resolve("worker.yml");
    Files.writeString(
        file,
        """
        baseUrl: http://localhost:8080/engine-rest
        workerId: w1
        topics:
          - name: shipping
            http:
              url: /demo/shipping/ship
        """
            + extra);
    return file;
  }
}
