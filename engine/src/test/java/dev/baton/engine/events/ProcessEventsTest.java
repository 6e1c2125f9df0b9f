package dev.baton.engine.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.pvm.runtime.ActivityInstanceState;
import org.junit.jupiter.api.Test;

class ProcessEventsTest {

  @Test
  void shouldMakeACompletedTaskAStepAndLeaveOutCancelledTasksEventsAndGateways() {
    // given ends of a service task, a cancelled one, a gateway and an event
    HistoricActivityInstanceEventEntity done = activityEnd("serviceTask", "charge");
    HistoricActivityInstanceEventEntity cancelled = activityEnd("serviceTask", "ship");
    cancelled.setActivityInstanceState(ActivityInstanceState.CANCELED.getStateCode());
    HistoricActivityInstanceEventEntity gateway = activityEnd("exclusiveGateway", "g");
    HistoricActivityInstanceEventEntity event = activityEnd("intermediateTimer", "t");

    // then only the first is a step, with the instance's business key
    OutboxEvent step = ProcessEvents.of(done, id -> "bk-" + id).orElseThrow();
    assertThat(step.type()).isEqualTo(EventType.STEP_COMPLETED);
    assertThat(step.activityId()).isEqualTo("charge");
    assertThat(step.businessKey()).isEqualTo("bk-pi-1");
    assertThat(step.processDefinitionKey()).isEqualTo("order");
    assertThat(step.payload()).contains("\"activityType\":\"serviceTask\"");
    assertThat(ProcessEvents.of(cancelled, id -> null)).isEmpty();
    assertThat(ProcessEvents.of(gateway, id -> null)).isEmpty();
    assertThat(ProcessEvents.of(event, id -> null)).isEmpty();
  }

  @Test
  void shouldMapInstanceStartAndEndAndIncidentCreateAndResolveOnly() {
    HistoricProcessInstanceEventEntity start = new HistoricProcessInstanceEventEntity();
    start.setEventType(HistoryEventTypes.PROCESS_INSTANCE_START.getEventName());
    start.setProcessInstanceId("pi-1");
    start.setBusinessKey("order-7");
    HistoricProcessInstanceEventEntity end = new HistoricProcessInstanceEventEntity();
    end.setEventType(HistoryEventTypes.PROCESS_INSTANCE_END.getEventName());
    end.setState("COMPLETED");
    HistoricIncidentEventEntity created = incident(HistoryEventTypes.INCIDENT_CREATE);
    created.setIncidentMessage("x".repeat(5_000));
    HistoricIncidentEventEntity deleted = incident(HistoryEventTypes.INCIDENT_DELETE);
    HistoricVariableUpdateEventEntity variable = new HistoricVariableUpdateEventEntity();
    variable.setEventType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE.getEventName());

    assertThat(ProcessEvents.of(start, id -> "other").orElseThrow())
        .extracting(OutboxEvent::type, OutboxEvent::businessKey)
        .containsExactly(EventType.INSTANCE_STARTED, "order-7");
    assertThat(ProcessEvents.of(end, id -> null).orElseThrow().payload())
        .contains("\"state\":\"COMPLETED\"");
    OutboxEvent incident = ProcessEvents.of(created, id -> null).orElseThrow();
    assertThat(incident.type()).isEqualTo(EventType.INCIDENT_CREATED);
    assertThat(incident.payload().length()).isLessThan(4_000);
    assertThat(ProcessEvents.of(incident(HistoryEventTypes.INCIDENT_RESOLVE), id -> null))
        .get()
        .extracting(OutboxEvent::type)
        .isEqualTo(EventType.INCIDENT_RESOLVED);
    assertThat(ProcessEvents.of(deleted, id -> null)).isEmpty();
    // a variable's "create" has the same event name as an incident's
    assertThat(ProcessEvents.of(variable, id -> null)).isEmpty();
  }

  private static HistoricActivityInstanceEventEntity activityEnd(String type, String id) {
    HistoricActivityInstanceEventEntity event = new HistoricActivityInstanceEventEntity();
    event.setEventType(HistoryEventTypes.ACTIVITY_INSTANCE_END.getEventName());
    event.setActivityType(type);
    event.setActivityId(id);
    event.setProcessInstanceId("pi-1");
    event.setProcessDefinitionKey("order");
    event.setEndTime(new Date());
    return event;
  }

  private static HistoricIncidentEventEntity incident(HistoryEventTypes type) {
    HistoricIncidentEventEntity event = new HistoricIncidentEventEntity();
    event.setEventType(type.getEventName());
    event.setProcessInstanceId("pi-1");
    event.setActivityId("charge");
    return event;
  }
}
