package dev.baton.engine.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.engine.BatonProcess;
import dev.baton.engine.FailingStartProcess;
import dev.baton.engine.events.EventQueue.Received;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

/**
 * {@code kill -9} between commit and publish: a node commits events with its publisher off and is
 * killed (steps may still be running; on a fast machine every instance has ended by then);
 * restarted on the same H2 file with publishing on, every event of every committed instance arrives
 * (each instance's four, in order), none of work that rolled back (failed starts, steps the kill
 * cut off), repeats only as the same event id.
 */
@DisabledIfSystemProperty(
    named = "spring.profiles.active",
    matches = ".*postgres.*",
    disabledReason = "about the H2 file")
class EventsAfterKillNineIT {

  private static final int INSTANCES = 60;
  private static final int FAILED_STARTS = 10;

  @Test
  void shouldPublishEveryCommittedEventOnceRestartedAndNoneOfRolledBackWork() throws Exception {
    Path data = Files.createTempDirectory("baton-events-kill-");
    Path log = Path.of("target", "forked", "events-kill-nine.log");
    String key = null;
    String failingKey = "events-kill-failing-" + UUID.randomUUID().toString().substring(0, 8);
    List<String> ids = new ArrayList<>();
    long finishedAtKill;
    try (BatonProcess node =
        BatonProcess.start(
            data,
            log,
            // no sink at all, so nothing takes the committed rows before the kill
            "--baton.engine.events.amqp.enabled=false",
            "--baton.engine.events.webhooks.enabled=false")) {
      // given a node whose events stay in the outbox, with instances of two save points running
      // and starts that fail and roll back
      String twoSteps = EventOutboxIT.twoSavePoints();
      key = twoSteps.substring(0, twoSteps.indexOf('\n'));
      deploy(node, key, twoSteps.substring(key.length() + 1));
      deploy(node, failingKey, FailingStartProcess.xml(failingKey));
      ids.addAll(start(node, key, failingKey));
      long pending =
          node.asDemo()
              .get("/api/events/status")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .getLong("pending");
      assertThat(pending)
          .as("events committed and not published")
          .isGreaterThanOrEqualTo(INSTANCES);
      assertThat(
              node.asDemo()
                  .get("/api/events/status")
                  .then()
                  .extract()
                  .jsonPath()
                  .getBoolean("brokerConnected"))
          .isFalse();

      // when it is killed with its events committed and unpublished (the finished count is printed)
      finishedAtKill =
          node.asDemo()
              .get(
                  "/engine-rest/history/process-instance/count?processDefinitionKey={key}&finished=true",
                  key)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .getLong("count");
      node.kill();
    }

    CachingConnectionFactory connections = new CachingConnectionFactory("127.0.0.1", 5672);
    try {
      EventQueue queue = EventQueue.bind(connections, key + ".#");
      EventQueue failing = EventQueue.bind(connections, failingKey + ".#");

      // and restarted with publishing on
      try (BatonProcess restarted = BatonProcess.start(data, log)) {
        // then each instance's four events arrive: started, s1, s2, ended, in that order
        await()
            .atMost(Duration.ofSeconds(180))
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> queue.distinct().size() >= 4 * INSTANCES);
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    restarted
                            .asDemo()
                            .get("/api/events/status")
                            .then()
                            .extract()
                            .jsonPath()
                            .getLong("pending")
                        == 0);
        Map<String, List<Received>> byInstance = queue.byInstance();
        assertThat(byInstance.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        for (String id : ids) {
          assertThat(
                  byInstance.get(id).stream()
                      .sorted(Comparator.comparingLong(Received::sequence))
                      .map(e -> e.type() + ":" + e.activityId())
                      .toList())
              .as("events of %s", id)
              .containsExactly(
                  "instance.started:null",
                  "step.completed:s1",
                  "step.completed:s2",
                  "instance.ended:end");
        }
        // and none of the failed starts
        assertThat(failing.received()).isEmpty();
        System.out.printf(
            "events after kill -9: %d instances (%d finished at the kill), %d distinct events,"
                + " %d messages (%d repeats)%n",
            ids.size(),
            finishedAtKill,
            queue.distinct().size(),
            queue.received().size(),
            queue.received().size() - queue.distinct().size());
      }
    } finally {
      connections.destroy();
    }
  }

  private static void deploy(BatonProcess node, String key, String xml) {
    node.asDemo()
        .multiPart("file", key + ".bpmn", xml.getBytes(StandardCharsets.UTF_8), "application/xml")
        .post("/api/deployments")
        .then()
        .statusCode(201);
  }

  /** Starts the instances (and the failing starts) from four callers; the instances' ids. */
  private static List<String> start(BatonProcess node, String key, String failingKey)
      throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> started = new ArrayList<>();
      for (int i = 0; i < INSTANCES + FAILED_STARTS; i++) {
        boolean fails = i % ((INSTANCES + FAILED_STARTS) / FAILED_STARTS) == 0;
        String businessKey = "order-" + i;
        started.add(
            callers.submit(
                () -> {
                  if (fails) {
                    int status =
                        node.asDemo()
                            .contentType(ContentType.JSON)
                            .body(Map.of("variables", Map.of("failAt", "start")))
                            .post("/api/processes/{key}/instances", failingKey)
                            .statusCode();
                    assertThat(status).isNotEqualTo(201);
                    return null;
                  }
                  return node.asDemo()
                      .contentType(ContentType.JSON)
                      .body(
                          Map.of("businessKey", businessKey, "variables", Map.of("failAt", "none")))
                      .post("/api/processes/{key}/instances", key)
                      .then()
                      .statusCode(201)
                      .extract()
                      .<String>path("id");
                }));
      }
      List<String> ids = new ArrayList<>();
      for (Future<String> id : started) {
        String value = id.get();
        if (value != null) {
          ids.add(value);
        }
      }
      return ids;
    } finally {
      callers.shutdownNow();
    }
  }
}
