package dev.baton.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.http.message.BasicClassicHttpResponse;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FetchLimitTest {

  private static final String ENGINE = "http://localhost:8080/engine-rest";

  private final ObjectMapper mapper = new ObjectMapper();
  private final ExternalTaskService service = mock(ExternalTaskService.class);
  private final Map<String, CountDownLatch> releases = new ConcurrentHashMap<>();
  private final List<String> started = new CopyOnWriteArrayList<>();

  /** The requests that went on to the engine, after the limit. */
  private final List<ClassicHttpRequest> sent = new CopyOnWriteArrayList<>();

  private final ExecChain engine =
      (request, scope) -> {
        sent.add(request);
        BasicClassicHttpResponse response = new BasicClassicHttpResponse(200);
        response.setEntity(new StringEntity("[]", ContentType.APPLICATION_JSON));
        return response;
      };

  private TaskDispatcher dispatcher;

  @AfterEach
  void closeDispatcher() {
    releases.values().forEach(CountDownLatch::countDown);
    if (dispatcher != null) {
      dispatcher.close(Duration.ofSeconds(1));
    }
  }

  @Test
  void shouldAskForNoMoreTasksThanThreadsAreFree() throws Exception {
    // given 3 threads, 2 of them busy
    dispatcher = dispatcher(3);
    run("t1", "t2");

    // when
    new FetchLimit(dispatcher, mapper).execute(fetch(3), null, engine);

    // then
    assertThat(sent).hasSize(1);
    JsonNode body = body(sent.get(0));
    assertThat(body.get("maxTasks").asInt()).isEqualTo(1);
    assertThat(body.get("workerId").asText()).isEqualTo("w1");
    assertThat(body.at("/topics/0/topicName").asText()).isEqualTo("shipping");
  }

  @Test
  void shouldNeverAskForMoreThanConfigured() throws Exception {
    // given 5 free threads, a client configured for 2 tasks per fetch
    dispatcher = dispatcher(5);

    // when
    new FetchLimit(dispatcher, mapper).execute(fetch(2), null, engine);

    // then
    assertThat(body(sent.get(0)).get("maxTasks").asInt()).isEqualTo(2);
  }

  @Test
  void shouldHoldTheFetchUntilAThreadIsFree() throws Exception {
    // given both threads busy
    dispatcher = dispatcher(2);
    run("t1", "t2");
    FetchLimit limit = new FetchLimit(dispatcher, mapper);
    Thread fetchLoop = new Thread(() -> fetchQuietly(limit));

    // when
    fetchLoop.start();

    // then nothing is fetched while no thread could start a task
    await().until(() -> fetchLoop.getState() == Thread.State.WAITING);
    Thread.sleep(200);
    assertThat(sent).isEmpty();

    // when one task ends
    releases.get("t1").countDown();

    // then the fetch asks for one task
    await().until(() -> sent.size() == 1);
    assertThat(body(sent.get(0)).get("maxTasks").asInt()).isEqualTo(1);
    fetchLoop.join(2000);
  }

  @Test
  void shouldLetOutcomesThroughWhileAllThreadsAreBusy() throws Exception {
    // given both threads busy: their outcomes go through the same HTTP client
    dispatcher = dispatcher(2);
    run("t1", "t2");
    ClassicHttpRequest complete =
        ClassicRequestBuilder.post(ENGINE + "/external-task/t1/complete")
            .setEntity(new StringEntity("{\"workerId\":\"w1\"}", ContentType.APPLICATION_JSON))
            .build();

    // when
    new FetchLimit(dispatcher, mapper).execute(complete, null, engine);

    // then
    assertThat(sent).containsExactly(complete);
    assertThat(EntityUtils.toString(sent.get(0).getEntity())).isEqualTo("{\"workerId\":\"w1\"}");
  }

  @Test
  void shouldFetchNothingOnceClosing() throws Exception {
    // given
    dispatcher = dispatcher(2);
    dispatcher.close(Duration.ZERO);

    // when
    ClassicHttpResponse response =
        new FetchLimit(dispatcher, mapper).execute(fetch(2), null, engine);

    // then
    assertThat(sent).isEmpty();
    assertThat(response.getCode()).isEqualTo(200);
    assertThat(EntityUtils.toString(response.getEntity())).isEqualTo("[]");
  }

  private TaskDispatcher dispatcher(int maxTasks) {
    return new TaskDispatcher(maxTasks, new FailurePolicy(3, Duration.ofSeconds(5)), mapper);
  }

  /** Starts tasks that run until their latch in {@link #releases} is counted down. */
  private void run(String... ids) {
    ExternalTaskHandler handler =
        dispatcher.handlerFor(
            task -> {
              started.add(task.getId());
              releases.get(task.getId()).await();
              return Map.of();
            });
    for (String id : ids) {
      releases.put(id, new CountDownLatch(1));
      ExternalTask task = mock(ExternalTask.class);
      when(task.getId()).thenReturn(id);
      when(task.getTopicName()).thenReturn("shipping");
      handler.execute(task, service);
    }
    await().until(() -> started.size() == ids.length);
  }

  private void fetchQuietly(FetchLimit limit) {
    try {
      limit.execute(fetch(2), null, engine);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A fetch as the official client sends it. */
  private static ClassicHttpRequest fetch(int maxTasks) {
    String body =
        """
        {"workerId":"w1","maxTasks":%d,"usePriority":true,"asyncResponseTimeout":20000,\
        "topics":[{"topicName":"shipping","lockDuration":30000}]}"""
            .formatted(maxTasks);
    return ClassicRequestBuilder.post(ENGINE + "/external-task/fetchAndLock")
        .setEntity(new StringEntity(body, ContentType.APPLICATION_JSON))
        .build();
  }

  private JsonNode body(ClassicHttpRequest request) throws Exception {
    return mapper.readTree(EntityUtils.toByteArray(request.getEntity()));
  }
}
