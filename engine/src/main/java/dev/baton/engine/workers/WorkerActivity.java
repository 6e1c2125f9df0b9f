package dev.baton.engine.workers;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/** What one node saw of a worker since its last flush: latest poll facts and counts to add. */
record WorkerActivity(
    String workerId,
    Set<String> topics,
    Instant firstSeen,
    Instant lastSeen,
    String remoteAddress,
    long longPollMillis,
    long fetched,
    long completed,
    long failed,
    long bpmnErrors) {

  String topicsCsv() {
    return String.join(",", new TreeSet<>(topics));
  }

  static Set<String> topicsOf(String csv) {
    Set<String> topics = new TreeSet<>();
    for (String topic : csv.split(",")) {
      if (!topic.isBlank()) {
        topics.add(topic);
      }
    }
    return topics;
  }
}
