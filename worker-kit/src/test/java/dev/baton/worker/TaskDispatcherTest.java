package dev.baton.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.after;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.adapters.BusinessRejectionException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskDispatcherTest {

  private final ExternalTaskService service = mock(ExternalTaskService.class);
  private final List<String> started = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private TaskDispatcher dispatcher;

  @AfterEach
  void closeDispatcher() {
    release.countDown();
    if (dispatcher != null) {
      dispatcher.close(Duration.ofSeconds(1));
    }
  }

  @Test
  void shouldCompleteWithTheHandlersOutputsFromAPoolThread() {
    // given
    dispatcher = dispatcher(2, 3);
    ExternalTask task = task("t1", null);

    // when
    dispatcher.handlerFor(t -> Map.of("trackingNumber", "TRK-1")).execute(task, service);

    // then
    verify(service, timeout(2000))
        .complete(
            eq(task),
            argThat(
                variables ->
                    variables.get("trackingNumber") instanceof StringValue value
                        && value.getValue().equals("TRK-1")));
  }

  @Test
  void shouldTurnBusinessRejectionIntoBpmnError() {
    // given
    dispatcher = dispatcher(2, 3);
    ExternalTask task = task("t1", null);
    TopicHandler rejecting =
        t -> {
          throw new BusinessRejectionException("SHIPPING_REJECTED", "No carrier ships to XX");
        };

    // when
    dispatcher.handlerFor(rejecting).execute(task, service);

    // then
    verify(service, timeout(2000))
        .handleBpmnError(task, "SHIPPING_REJECTED", "No carrier ships to XX");
    verify(service, never())
        .handleFailure(any(ExternalTask.class), any(), any(), anyInt(), anyLong());
  }

  @Test
  void shouldReportTechnicalFailureWithRetriesLeftAndRetryTimeout() {
    // given
    dispatcher = dispatcher(2, 3);
    ExternalTask first = task("t1", null);
    ExternalTask last = task("t2", 1);
    TopicHandler failing =
        t -> {
          throw new IllegalStateException("shipping answered HTTP 503");
        };

    // when
    dispatcher.handlerFor(failing).execute(first, service);
    dispatcher.handlerFor(failing).execute(last, service);

    // then
    verify(service, timeout(2000))
        .handleFailure(
            eq(first),
            eq("shipping answered HTTP 503"),
            startsWith("java.lang.IllegalStateException: shipping answered HTTP 503"),
            eq(2),
            eq(5000L));
    verify(service, timeout(2000))
        .handleFailure(eq(last), anyString(), anyString(), eq(0), eq(5000L));
  }

  @Test
  void shouldRunAtMostMaxTasksAndHoldATaskBeyondThemUntilASlotFrees() throws Exception {
    // given a fetch that brought more tasks than threads (one FetchLimit could not size)
    dispatcher = dispatcher(2, 3);
    ExternalTaskHandler handler = dispatcher.handlerFor(blocking());
    Thread fetchLoop =
        new Thread(
            () -> {
              for (String id : List.of("t1", "t2", "t3")) {
                handler.execute(task(id, null), service);
              }
            });

    // when
    fetchLoop.start();

    // then
    await().until(() -> started.size() == 2);
    await().until(() -> fetchLoop.getState() == Thread.State.WAITING);
    Thread.sleep(200);
    assertThat(started).containsExactlyInAnyOrder("t1", "t2");
    assertThat(dispatcher.running()).isEqualTo(2);

    // when a slot frees
    release.countDown();

    // then the third task runs
    await().until(() -> started.size() == 3);
    fetchLoop.join(2000);
    assertThat(fetchLoop.isAlive()).isFalse();
    verify(service, timeout(2000).times(3)).complete(any(ExternalTask.class), anyMap());
  }

  @Test
  void shouldUnlockTasksThatDoNotFinishWithinTheGracePeriod() {
    // given
    dispatcher = dispatcher(2, 3);
    ExternalTask stuck = task("t1", null);
    dispatcher.handlerFor(blocking()).execute(stuck, service);
    await().until(() -> started.size() == 1);

    // when
    int unlocked = dispatcher.close(Duration.ofMillis(200));

    // then
    assertThat(unlocked).isEqualTo(1);
    verify(service).unlock(stuck);
    // the interrupted handler must not report a failure and use up a retry
    verify(service, after(500).never())
        .handleFailure(any(ExternalTask.class), any(), any(), anyInt(), anyLong());
    verify(service, never()).complete(any(ExternalTask.class), anyMap());
  }

  @Test
  void shouldLetRunningTasksFinishWithinTheGracePeriod() {
    // given
    dispatcher = dispatcher(2, 3);
    ExternalTask task = task("t1", null);
    dispatcher.handlerFor(blocking()).execute(task, service);
    await().until(() -> started.size() == 1);

    // when
    new Thread(this::releaseSoon).start();
    int unlocked = dispatcher.close(Duration.ofSeconds(5));

    // then
    assertThat(unlocked).isZero();
    verify(service).complete(eq(task), anyMap());
    verify(service, never()).unlock(any());
  }

  @Test
  void shouldUnlockTasksHandedOverAfterClose() {
    // given
    dispatcher = dispatcher(2, 3);
    dispatcher.close(Duration.ZERO);
    ExternalTask late = task("t9", null);

    // when
    dispatcher.handlerFor(blocking()).execute(late, service);

    // then
    verify(service).unlock(late);
    assertThat(started).isEmpty();
  }

  private TaskDispatcher dispatcher(int maxTasks, int retries) {
    return new TaskDispatcher(
        maxTasks, new FailurePolicy(retries, Duration.ofSeconds(5)), new ObjectMapper());
  }

  /** A handler that records the task and waits until the test releases it. */
  private TopicHandler blocking() {
    return task -> {
      started.add(task.getId());
      release.await();
      return Map.of("done", true);
    };
  }

  private void releaseSoon() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    release.countDown();
  }

  private static ExternalTask task(String id, Integer retries) {
    ExternalTask task = mock(ExternalTask.class);
    when(task.getId()).thenReturn(id);
    when(task.getTopicName()).thenReturn("shipping");
    when(task.getRetries()).thenReturn(retries);
    return task;
  }
}
