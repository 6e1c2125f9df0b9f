package dev.baton.engine.instances;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * Reads an incident's failed job or external task (the incident's configuration names it) for the
 * facts an operator weighs before retrying: retries left, worker, next attempt.
 */
@Component
class IncidentRetries {

  private final ManagementService management;
  private final ExternalTaskService externalTasks;

  IncidentRetries(ManagementService management, ExternalTaskService externalTasks) {
    this.management = management;
    this.externalTasks = externalTasks;
  }

  IncidentView view(Incident incident) {
    Integer retries = null;
    String worker = null;
    Date next = null;
    String configuration = incident.getConfiguration();
    if (configuration != null
        && Incident.FAILED_JOB_HANDLER_TYPE.equals(incident.getIncidentType())) {
      Job job = management.createJobQuery().jobId(configuration).singleResult();
      if (job != null) {
        retries = job.getRetries();
        next = job.getRetries() > 0 ? job.getDuedate() : null;
      }
    } else if (configuration != null
        && Incident.EXTERNAL_TASK_HANDLER_TYPE.equals(incident.getIncidentType())) {
      ExternalTask task =
          externalTasks.createExternalTaskQuery().externalTaskId(configuration).singleResult();
      if (task != null) {
        retries = task.getRetries();
        worker = task.getWorkerId();
        next =
            task.getRetries() != null && task.getRetries() > 0
                ? task.getLockExpirationTime()
                : null;
      }
    }
    return new IncidentView(
        incident.getId(),
        incident.getIncidentType(),
        incident.getActivityId(),
        incident.getIncidentMessage(),
        instant(incident.getIncidentTimestamp()),
        retries,
        worker,
        instant(next));
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
