package dev.baton.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkerConfigReaderTest {

  private final WorkerConfigReader reader = new WorkerConfigReader();

  @Test
  void shouldBindTheExampleConfig() throws IOException {
    // given
    String yaml = resource("/worker-example.yml");

    // when
    WorkerConfig config = reader.read(yaml, "worker-example.yml");

    // then
    assertThat(config.getBaseUrl()).isEqualTo("http://localhost:8080/engine-rest");
    assertThat(config.getWorkerId()).isEqualTo("shipping-worker-1");
    assertThat(config.getKey()).isNull();
    assertThat(config.getMaxTasks()).isEqualTo(10);
    assertThat(config.getLockDuration()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.getTopics()).hasSize(1);
    TopicConfig shipping = config.getTopics().get(0);
    assertThat(shipping.getName()).isEqualTo("shipping");
    assertThat(shipping.getHttp().getUrl()).isEqualTo("http://localhost:8080/demo/shipping/ship");
    assertThat(shipping.getHttp().getTimeout()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void shouldApplyDefaultsAndReadBothDurationStyles() {
    // given
    String yaml = minimal() + "lockDuration: PT1M\nretryTimeout: 500ms\n";

    // when
    WorkerConfig config = reader.read(yaml, "worker.yml");

    // then
    assertThat(config.getLockDuration()).isEqualTo(Duration.ofMinutes(1));
    assertThat(config.getRetryTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(config.getMaxTasks()).isEqualTo(10);
    assertThat(config.getAsyncResponseTimeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(config.getRetries()).isEqualTo(3);
    assertThat(config.getShutdownGrace()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void shouldRejectUnknownTopLevelKeyNamingIt() {
    // given
    String yaml = minimal() + "maxTask: 4\n";

    // when / then
    assertThatThrownBy(() -> reader.read(yaml, "worker.yml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("worker.yml: unknown key 'maxTask' (line ")
        .hasMessageContaining("maxTasks");
  }

  @Test
  void shouldRejectUnknownNestedKeyWithItsPath() {
    // given
    String yaml =
        """
        baseUrl: http://localhost:8080/engine-rest
        workerId: w1
        topics:
          - name: shipping
            http:
              url: http://localhost:8080/demo/shipping/ship
              timout: 5s
        """;

    // when / then
    assertThatThrownBy(() -> reader.read(yaml, "worker.yml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown key 'topics[0].http.timout' (line 7)")
        .hasMessageContaining("timeout");
  }

  @Test
  void shouldRejectDurationWithoutUnit() {
    // given
    String yaml = minimal() + "lockDuration: 30\n";

    // when / then
    assertThatThrownBy(() -> reader.read(yaml, "worker.yml"))
        .hasMessageContaining("bad value for 'lockDuration'")
        .hasMessageContaining("needs a unit");
  }

  @Test
  void shouldListEveryMissingSetting() {
    // given
    String yaml = "maxTasks: 0\ntopics:\n  - name: shipping\n    http: {}\n";

    // when / then
    assertThatThrownBy(() -> reader.read(yaml, "worker.yml"))
        .hasMessageContaining("baseUrl is required")
        .hasMessageContaining("workerId is required")
        .hasMessageContaining("maxTasks must be at least 1")
        .hasMessageContaining("topics[0].http.url is required");
  }

  @Test
  void shouldRejectDuplicateKeys() {
    // given
    String yaml = minimal() + "workerId: w2\n";

    // when / then
    assertThatThrownBy(() -> reader.read(yaml, "worker.yml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("workerId");
  }

  private static String minimal() {
    return """
        baseUrl: http://localhost:8080/engine-rest
        workerId: w1
        topics:
          - name: shipping
            http:
              url: /demo/shipping/ship
        """;
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = WorkerConfigReaderTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
