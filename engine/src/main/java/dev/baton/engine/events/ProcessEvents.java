package dev.baton.engine.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.pvm.runtime.ActivityInstanceState;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Which of the engine's history events are process events, and what each carries. A <b>step</b> is
 * a task of any kind (service, send, receive, user, script, business rule, manual, plain) or a call
 * activity; an instance of it that ends other than by cancellation is {@code step.completed}.
 * Events, gateways, sub-processes and multi-instance bodies are not steps (each iteration of a
 * multi-instance task is). An incident's deletion (its instance cancelled or deleted) is not a
 * resolution; the instance's {@code instance.ended} says so.
 */
final class ProcessEvents {

  static final Set<String> STEP_TYPES =
      Set.of(
          ActivityTypes.TASK,
          ActivityTypes.TASK_SERVICE,
          ActivityTypes.TASK_SEND_TASK,
          ActivityTypes.TASK_RECEIVE_TASK,
          ActivityTypes.TASK_USER_TASK,
          ActivityTypes.TASK_SCRIPT,
          ActivityTypes.TASK_BUSINESS_RULE,
          ActivityTypes.TASK_MANUAL_TASK,
          ActivityTypes.CALL_ACTIVITY);

  /** Incident messages are cut to this many characters (the payload column holds 4,000). */
  static final int MAX_MESSAGE = 1_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private ProcessEvents() {}

  /**
   * The process event a history event is, if any. Types compare by class and event name (a
   * variable's "create" equals an incident's by name). {@code businessKeys} answers the business
   * key of a process instance id for events that do not carry it.
   */
  static Optional<OutboxEvent> of(HistoryEvent event, UnaryOperator<String> businessKeys) {
    String name = event.getEventType();
    if (event instanceof HistoricProcessInstanceEventEntity instance) {
      if (HistoryEventTypes.PROCESS_INSTANCE_START.getEventName().equals(name)) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("processDefinitionId", instance.getProcessDefinitionId());
        payload.put("startActivityId", instance.getStartActivityId());
        payload.put("startUserId", instance.getStartUserId());
        payload.put("superProcessInstanceId", instance.getSuperProcessInstanceId());
        return Optional.of(
            event(
                EventType.INSTANCE_STARTED,
                instance,
                instance.getBusinessKey(),
                null,
                payload,
                instance.getStartTime()));
      }
      if (HistoryEventTypes.PROCESS_INSTANCE_END.getEventName().equals(name)) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("state", instance.getState());
        payload.put("endActivityId", instance.getEndActivityId());
        payload.put("deleteReason", cut(instance.getDeleteReason()));
        return Optional.of(
            event(
                EventType.INSTANCE_ENDED,
                instance,
                instance.getBusinessKey(),
                instance.getEndActivityId(),
                payload,
                instance.getEndTime()));
      }
    } else if (event instanceof HistoricActivityInstanceEventEntity activity) {
      if (HistoryEventTypes.ACTIVITY_INSTANCE_END.getEventName().equals(name)
          && STEP_TYPES.contains(activity.getActivityType())
          && activity.getActivityInstanceState() != ActivityInstanceState.CANCELED.getStateCode()) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("activityType", activity.getActivityType());
        payload.put("activityName", activity.getActivityName());
        payload.put("activityInstanceId", activity.getActivityInstanceId());
        payload.put("durationMillis", activity.getDurationInMillis());
        return Optional.of(
            event(
                EventType.STEP_COMPLETED,
                activity,
                businessKeys.apply(activity.getProcessInstanceId()),
                activity.getActivityId(),
                payload,
                activity.getEndTime()));
      }
    } else if (event instanceof HistoricIncidentEventEntity incident) {
      boolean created = HistoryEventTypes.INCIDENT_CREATE.getEventName().equals(name);
      if (created || HistoryEventTypes.INCIDENT_RESOLVE.getEventName().equals(name)) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("incidentId", incident.getId());
        payload.put("incidentType", incident.getIncidentType());
        payload.put("message", cut(incident.getIncidentMessage()));
        payload.put("failedActivityId", incident.getFailedActivityId());
        return Optional.of(
            event(
                created ? EventType.INCIDENT_CREATED : EventType.INCIDENT_RESOLVED,
                incident,
                businessKeys.apply(incident.getProcessInstanceId()),
                incident.getActivityId(),
                payload,
                created ? incident.getCreateTime() : incident.getEndTime()));
      }
    }
    return Optional.empty();
  }

  private static OutboxEvent event(
      EventType type,
      HistoryEvent source,
      String businessKey,
      String activityId,
      ObjectNode payload,
      Date occurredAt) {
    return new OutboxEvent(
        UUID.randomUUID().toString(),
        type,
        source.getProcessDefinitionKey(),
        source.getProcessInstanceId(),
        businessKey,
        activityId,
        write(payload),
        (occurredAt != null ? occurredAt : ClockUtil.getCurrentTime()).toInstant());
  }

  private static String write(ObjectNode payload) {
    try {
      return JSON.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A process event's payload could not be written", e);
    }
  }

  private static String cut(String text) {
    return text == null || text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE);
  }
}
