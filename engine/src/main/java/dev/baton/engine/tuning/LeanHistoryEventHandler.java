package dev.baton.engine.tuning;

import org.camunda.bpm.engine.history.HistoricExternalTaskLog;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.jobexecutor.historycleanup.HistoryCleanupJobHandler;

/**
 * Writes the history the console and operators use and leaves out two high-volume records nobody
 * reads there: the job log's "created", "succeeded" and "deleted" rows (six rows per three-step
 * instance; failures are kept, with their messages), the same rows of the external-task log (a
 * worker's reported failures are kept), and the per-change variable details (the variables' last
 * values stay in the variable history; an operator's own changes keep theirs, see {@link
 * OperatorChanges}). Each can be switched back on: {@code baton.engine.history.job-log=all}, {@code
 * baton.engine.history.external-task-log=all}, {@code baton.engine.history.variable-details=true}.
 */
public class LeanHistoryEventHandler extends DbHistoryEventHandler {

  private final boolean fullJobLog;
  private final boolean fullExternalTaskLog;
  private final boolean variableDetails;

  public LeanHistoryEventHandler(
      boolean fullJobLog, boolean fullExternalTaskLog, boolean variableDetails) {
    this.fullJobLog = fullJobLog;
    this.fullExternalTaskLog = fullExternalTaskLog;
    this.variableDetails = variableDetails;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (!fullJobLog && isRoutineJobEvent(event)) {
      return;
    }
    if (!fullExternalTaskLog && isRoutineExternalTaskEvent(event)) {
      return;
    }
    super.handleEvent(event);
  }

  @Override
  protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
    return (variableDetails || OperatorChanges.recording())
        && super.shouldWriteHistoricDetail(event);
  }

  /**
   * A job log row that is not a failure, nor of the history cleanup job (a few rows a night, which
   * the System page reads for the cleanup's last run). (Not by event type: types compare by name
   * only, and a variable's "create" equals a job's.)
   */
  static boolean isRoutineJobEvent(HistoryEvent event) {
    return event instanceof HistoricJobLog log
        && !log.isFailureLog()
        && !HistoryCleanupJobHandler.TYPE.equals(log.getJobDefinitionType());
  }

  /** An external-task log row that is not a failure a worker reported. */
  static boolean isRoutineExternalTaskEvent(HistoryEvent event) {
    return event instanceof HistoricExternalTaskLog log && !log.isFailureLog();
  }
}
