package dev.baton.engine.jobs;

import java.util.ArrayList;
import java.util.List;

/**
 * Packs the job batches of one acquisition into groups that share a transaction. Camunda's batches
 * are kept whole (an instance's exclusive jobs stay together and in order); a group holds up to the
 * given number of jobs, or one batch that alone is larger.
 */
final class JobGroups {

  private JobGroups() {}

  static List<List<String>> of(List<List<String>> batches, int jobsPerGroup) {
    List<List<String>> groups = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (List<String> batch : batches) {
      if (batch.isEmpty()) {
        continue;
      }
      if (!current.isEmpty() && current.size() + batch.size() > jobsPerGroup) {
        groups.add(current);
        current = new ArrayList<>();
      }
      current.addAll(batch);
    }
    if (!current.isEmpty()) {
      groups.add(current);
    }
    return groups;
  }
}
