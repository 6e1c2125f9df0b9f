package dev.baton.engine.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.ExternalTaskService;
import org.junit.jupiter.api.Test;

class TaskActivityTest {

  private final TaskActivity activity =
      new TaskActivity(
          mock(WorkerRegistry.class),
          mock(WorkerMetrics.class),
          mock(ExternalTaskService.class),
          new ObjectMapper());

  @Test
  void shouldForgetOnlyTheOldestHandedOutTaskWhenItRemembersTooMany() {
    // given as many tasks as it remembers, handed out one fetch each
    for (int i = 0; i < TaskActivity.MAX_REMEMBERED_TASKS; i++) {
      activity.fetched("w" + (i % 7), fetched("task-" + i));
    }

    // when one more is handed out
    activity.fetched("late", fetched("task-new"));

    // then the oldest is forgotten, and the others are all still known
    assertThat(activity.handedTo("task-0")).isNull();
    assertThat(activity.handedTo("task-1")).isEqualTo("w1");
    assertThat(activity.handedTo("task-" + (TaskActivity.MAX_REMEMBERED_TASKS - 1))).isNotNull();
    assertThat(activity.handedTo("task-new")).isEqualTo("late");
  }

  private static byte[] fetched(String taskId) {
    return ("[{\"id\":\"" + taskId + "\",\"topicName\":\"shipping\"}]")
        .getBytes(StandardCharsets.UTF_8);
  }
}
