package dev.baton.engine.events;

import java.util.List;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Turns the engine's history events into process events for the outbox ({@link ProcessEvents} says
 * which), collected in the command's {@link OutboxSession} and inserted when the command flushes:
 * in the engine's transaction and, for a job sharing a commit, in that job's savepoint. Only the
 * events the history level produces arrive: {@code full} (Baton's default) and {@code audit} give
 * starts, steps and ends; incidents need {@code full}; {@code none} gives nothing.
 */
final class OutboxHistoryEventHandler implements HistoryEventHandler {

  @Override
  public void handleEvent(HistoryEvent event) {
    if (!(event instanceof HistoricActivityInstanceEventEntity
        || event instanceof HistoricProcessInstanceEventEntity
        || event instanceof HistoricIncidentEventEntity)) {
      return;
    }
    CommandContext context = Context.getCommandContext();
    ProcessEvents.of(event, id -> context.getSession(OutboxSession.class).businessKey(id))
        .ifPresent(found -> context.getSession(OutboxSession.class).add(found));
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    for (HistoryEvent event : events) {
      handleEvent(event);
    }
  }
}
