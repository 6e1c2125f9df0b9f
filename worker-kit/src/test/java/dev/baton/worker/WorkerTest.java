package dev.baton.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.adapters.http.HttpAdapterSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerTest {

  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void shouldServeHttpTopicsWithTheHttpHandlerAndOthersWithCodedOnes() {
    // given
    WorkerConfig config = config(httpTopic("shipping"), topic("invoice"));
    TopicHandler invoice = task -> Map.of();

    // when
    Map<String, TopicHandler> handlers = Worker.resolve(config, Map.of("invoice", invoice), mapper);

    // then
    assertThat(handlers).containsOnlyKeys("shipping", "invoice");
    assertThat(handlers.get("shipping")).isInstanceOf(HttpTopicHandler.class);
    assertThat(handlers.get("invoice")).isSameAs(invoice);
  }

  @Test
  void shouldRejectTopicWithoutHandler() {
    // given
    WorkerConfig config = config(topic("invoice"));

    // when / then
    assertThatThrownBy(() -> Worker.resolve(config, Map.of(), mapper))
        .hasMessageContaining("topic 'invoice' has no handler");
  }

  @Test
  void shouldRejectHandlerForTopicTheConfigDoesNotList() {
    // given
    WorkerConfig config = config(httpTopic("shipping"));

    // when / then
    assertThatThrownBy(() -> Worker.resolve(config, Map.of("shiping", task -> Map.of()), mapper))
        .hasMessageContaining("topic 'shiping', which the config does not list");
  }

  private static WorkerConfig config(TopicConfig... topics) {
    WorkerConfig config = new WorkerConfig();
    config.setBaseUrl("http://localhost:8080/engine-rest");
    config.setWorkerId("w1");
    config.setTopics(List.of(topics));
    return config;
  }

  private static TopicConfig topic(String name) {
    TopicConfig topic = new TopicConfig();
    topic.setName(name);
    return topic;
  }

  private static TopicConfig httpTopic(String name) {
    TopicConfig topic = topic(name);
    HttpAdapterSpec http = new HttpAdapterSpec();
    http.setUrl("/demo/shipping/ship");
    topic.setHttp(http);
    return topic;
  }
}
