package dev.baton.engine.workers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.system.BoundedCache;
import dev.baton.engine.workers.LiveWorker.Outcome;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Turns what the gate saw into registry entries and metrics. */
@Component
public class TaskActivity {

  private static final Logger LOG = LoggerFactory.getLogger(TaskActivity.class);
  static final int MAX_REMEMBERED_TASKS = 100_000;

  private final WorkerRegistry registry;
  private final WorkerMetrics metrics;
  private final ExternalTaskService tasks;
  private final ObjectMapper mapper;

  /**
   * Topic and worker of each task handed out on this node, so outcomes can be counted per topic and
   * checked against their worker without a query. Tasks never finished here (a worker that died)
   * leave one by one, the longest untouched first.
   */
  private final BoundedCache<String, HandedOut> handedOut =
      new BoundedCache<>(MAX_REMEMBERED_TASKS);

  private record HandedOut(String topic, String workerId) {}

  TaskActivity(
      WorkerRegistry registry,
      WorkerMetrics metrics,
      ExternalTaskService tasks,
      ObjectMapper mapper) {
    this.registry = registry;
    this.metrics = metrics;
    this.tasks = tasks;
    this.mapper = mapper;
  }

  void polled(ExternalTaskCall call, String remoteAddress) {
    registry.polled(call.workerId(), call.topics(), call.longPollMillis(), remoteAddress);
  }

  /** Counts the tasks in a fetch-and-lock answer ({@code null} when it was too large to keep). */
  void fetched(String workerId, byte[] answer) {
    if (answer == null || answer.length == 0) {
      return;
    }
    Map<String, Integer> perTopic = new TreeMap<>();
    try {
      JsonNode lockedTasks = mapper.readTree(answer);
      if (!lockedTasks.isArray()) {
        return;
      }
      for (JsonNode task : lockedTasks) {
        String topic = task.path("topicName").asText("");
        handedOut.put(task.path("id").asText(), new HandedOut(topic, workerId));
        perTopic.merge(topic, 1, Integer::sum);
      }
    } catch (IOException e) {
      LOG.debug("fetchAndLock answer not readable", e);
      return;
    }
    int total = perTopic.values().stream().mapToInt(Integer::intValue).sum();
    if (total > 0) {
      registry.counted(workerId, Outcome.FETCHED, total);
      perTopic.forEach((topic, count) -> metrics.count(workerId, topic, Outcome.FETCHED, count));
    }
  }

  /** The topic of a task, from memory or, failing that, from the engine; {@code null} if gone. */
  String topicOf(String taskId) {
    HandedOut known = handedOut.get(taskId);
    if (known != null) {
      return known.topic();
    }
    ExternalTask task = tasks.createExternalTaskQuery().externalTaskId(taskId).singleResult();
    return task == null ? null : task.getTopicName();
  }

  /**
   * The worker this node handed the task to, or {@code null} when unknown here (handed out by
   * another node or before a restart, or finished).
   */
  String handedTo(String taskId) {
    HandedOut task = handedOut.get(taskId);
    return task == null ? null : task.workerId();
  }

  /** A call that shows the worker is alive, without changing any count. */
  void alive(String workerId) {
    registry.seen(workerId);
  }

  void finished(String workerId, String topic, String taskId, Outcome outcome) {
    handedOut.remove(taskId);
    registry.counted(workerId, outcome, 1);
    metrics.count(workerId, topic, outcome, 1);
  }
}
