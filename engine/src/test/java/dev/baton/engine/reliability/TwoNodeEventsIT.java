package dev.baton.engine.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.engine.BatonProcess;
import dev.baton.engine.events.EventQueue;
import dev.baton.engine.events.EventQueue.Received;
import dev.baton.engine.events.EventsFixtures;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

/**
 * Two nodes on one PostgreSQL database, both publishing: each instance's events arrive once each,
 * in the order they happened, although either node may have written them and either may publish.
 */
@EnabledIfSystemProperty(
    named = "spring.profiles.active",
    matches = ".*postgres.*",
    disabledReason = "needs PostgreSQL: runs in mvn verify -Ppostgres")
class TwoNodeEventsIT {

  private static final int INSTANCES = 40;

  @Test
  void shouldPublishEachInstancesEventsInOrderWhenBothNodesPublish() throws Exception {
    // given two nodes with publishers on one database and a queue bound to a process's events
    Path log = Path.of("target", "forked", "two-node-events.log");
    CachingConnectionFactory connections = new CachingConnectionFactory("127.0.0.1", 5672);
    try (ScratchDatabase database = ScratchDatabase.create("events");
        BatonProcess a = BatonProcess.startOnPostgres(database.url(), log);
        BatonProcess b = BatonProcess.startOnPostgres(database.url(), log)) {
      String process = EventsFixtures.twoSavePoints();
      String key = process.substring(0, process.indexOf('\n'));
      a.asDemo()
          .multiPart(
              "file",
              key + ".bpmn",
              process.substring(key.length() + 1).getBytes(StandardCharsets.UTF_8),
              "application/xml")
          .post("/api/deployments")
          .then()
          .statusCode(201);
      EventQueue queue = EventQueue.bind(connections, key + ".#");

      // when instances start on both nodes, their steps running on either
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < INSTANCES; i++) {
        ids.add(
            (i % 2 == 0 ? a : b)
                .asDemo()
                .contentType(ContentType.JSON)
                .body(Map.of("businessKey", "order-" + i, "variables", Map.of("failAt", "none")))
                .post("/api/processes/{key}/instances", key)
                .then()
                .statusCode(201)
                .extract()
                .<String>path("id"));
      }

      // then every instance's four events arrive, first copies in the order they happened
      await()
          .atMost(Duration.ofSeconds(180))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> queue.distinct().size() >= 4 * INSTANCES);
      Map<String, List<Received>> byInstance = queue.byInstance();
      assertThat(byInstance.keySet()).containsExactlyInAnyOrderElementsOf(ids);
      for (String id : ids) {
        assertThat(byInstance.get(id))
            .as("events of %s in arrival order", id)
            .extracting(e -> e.type() + ":" + e.activityId())
            .containsExactly(
                "instance.started:null",
                "step.completed:s1",
                "step.completed:s2",
                "instance.ended:end");
        assertThat(byInstance.get(id)).extracting(Received::sequence).isSorted();
      }
    } finally {
      connections.destroy();
    }
  }
}
