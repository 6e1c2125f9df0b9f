package dev.baton.engine.workers;

import dev.baton.engine.system.BatonProperties;
import dev.baton.engine.system.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/** The worker registry and topic queues as operators read them. */
@Service
public class WorkerService {

  private final WorkerRegistry registry;
  private final WorkerCredentialRepository credentials;
  private final TaskQueues queues;
  private final DeployedTopics deployedTopics;
  private final WorkerMetrics metrics;
  private final BatonProperties.Workers settings;
  private final Clock clock;

  WorkerService(
      WorkerRegistry registry,
      WorkerCredentialRepository credentials,
      TaskQueues queues,
      DeployedTopics deployedTopics,
      WorkerMetrics metrics,
      BatonProperties properties,
      Clock clock) {
    this.registry = registry;
    this.credentials = credentials;
    this.queues = queues;
    this.deployedTopics = deployedTopics;
    this.metrics = metrics;
    this.settings = properties.getWorkers();
    this.clock = clock;
  }

  /** Every worker that called or holds a key, by id. */
  public List<WorkerView> workers() {
    Map<String, WorkerActivity> seen = registry.all();
    Map<String, WorkerCredential> keys = new HashMap<>();
    credentials.findAll().forEach(c -> keys.put(c.getWorkerId(), c));
    Map<String, Long> locked = queues.lockedByWorker();
    Map<String, WorkerView> views = new TreeMap<>();
    seen.forEach((id, activity) -> views.put(id, view(id, activity, keys.get(id), locked)));
    keys.forEach((id, key) -> views.computeIfAbsent(id, k -> view(id, null, key, locked)));
    return new ArrayList<>(views.values());
  }

  public WorkerView worker(String workerId) {
    Optional<WorkerActivity> activity = registry.find(workerId);
    Optional<WorkerCredential> key = credentials.findById(workerId);
    if (activity.isEmpty() && key.isEmpty()) {
      throw new NotFoundException("No worker '" + workerId + "' has called or been registered");
    }
    return view(workerId, activity.orElse(null), key.orElse(null), queues.lockedByWorker());
  }

  /** Every topic a deployed diagram names, with tasks, or with a worker polling it. */
  public List<TopicView> topics() {
    List<WorkerView> active =
        workers().stream().filter(w -> w.status() == WorkerStatus.ACTIVE).toList();
    Map<String, Set<String>> deployed = deployedTopics.processesByTopic();
    Map<String, TopicView> topics = new TreeMap<>();
    Instant now = clock.instant();
    for (TaskQueues.TopicQueue queue : queues.byTopic()) {
      Instant oldest = queue.oldestUnlockedCreated();
      topics.put(
          queue.topic(),
          new TopicView(
              queue.topic(),
              queue.open(),
              queue.locked(),
              queue.withoutRetries(),
              oldest,
              oldest == null ? null : Duration.between(oldest, now).toSeconds(),
              pollers(queue.topic(), active),
              processes(queue.topic(), deployed)));
    }
    for (WorkerView worker : active) {
      for (String topic : worker.topics()) {
        topics.computeIfAbsent(topic, t -> idle(t, active, deployed));
      }
    }
    for (String topic : deployed.keySet()) {
      topics.computeIfAbsent(topic, t -> idle(t, active, deployed));
    }
    return new ArrayList<>(topics.values());
  }

  /** Refreshes the queue and worker gauges. */
  void refreshMetrics() {
    metrics.refreshQueues(queues.byTopic());
    metrics.refreshWorkers(new ArrayList<>(registry.all().values()));
  }

  private static TopicView idle(
      String topic, List<WorkerView> active, Map<String, Set<String>> deployed) {
    return new TopicView(
        topic, 0, 0, 0, null, null, pollers(topic, active), processes(topic, deployed));
  }

  private static List<String> processes(String topic, Map<String, Set<String>> deployed) {
    return List.copyOf(deployed.getOrDefault(topic, Set.of()));
  }

  private static List<String> pollers(String topic, List<WorkerView> active) {
    return active.stream()
        .filter(w -> w.topics().contains(topic))
        .map(WorkerView::workerId)
        .sorted(Comparator.naturalOrder())
        .toList();
  }

  private WorkerView view(
      String id, WorkerActivity activity, WorkerCredential key, Map<String, Long> locked) {
    boolean registered = key != null && key.isActive();
    Set<String> allowed = registered ? WorkerActivity.topicsOf(key.getTopics()) : null;
    if (activity == null) {
      // holds a key, has never called: not a worker that stopped
      return new WorkerView(
          id,
          WorkerStatus.REGISTERED,
          Set.of(),
          null,
          null,
          null,
          locked.getOrDefault(id, 0L),
          0,
          0,
          0,
          0,
          registered,
          allowed);
    }
    return new WorkerView(
        id,
        status(activity),
        activity.topics(),
        activity.firstSeen(),
        activity.lastSeen(),
        activity.remoteAddress(),
        locked.getOrDefault(id, 0L),
        activity.fetched(),
        activity.completed(),
        activity.failed(),
        activity.bpmnErrors(),
        registered,
        allowed);
  }

  private WorkerStatus status(WorkerActivity activity) {
    Duration window =
        settings.getStaleAfter() != null
            ? settings.getStaleAfter()
            : Duration.ofMillis(activity.longPollMillis()).plus(settings.getStaleMargin());
    return activity.lastSeen().plus(window).isAfter(clock.instant())
        ? WorkerStatus.ACTIVE
        : WorkerStatus.STALE;
  }
}
