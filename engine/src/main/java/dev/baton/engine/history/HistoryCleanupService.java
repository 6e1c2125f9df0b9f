package dev.baton.engine.history;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.impl.cfg.BatchWindowConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.historycleanup.HistoryCleanupJobHandler;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Service;

/**
 * Reads the history cleanup from the engine itself: its configuration, the time to live of each
 * deployed definition's latest version, the cleanup job's log (last run) and due date (next run).
 */
@Service
public class HistoryCleanupService {

  private final ProcessEngineConfigurationImpl configuration;
  private final HistoryService history;
  private final RepositoryService repository;

  HistoryCleanupService(ProcessEngine engine) {
    this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    this.history = engine.getHistoryService();
    this.repository = engine.getRepositoryService();
  }

  public HistoryCleanupView cleanup() {
    return new HistoryCleanupView(
        configuration.isHistoryCleanupEnabled(),
        configuration.getHistoryCleanupStrategy(),
        configuration.getHistoryTimeToLive(),
        configuration.getBatchOperationHistoryTimeToLive(),
        configuration.getHistoryCleanupJobLogTimeToLive(),
        new HistoryCleanupView.Window(
            configuration.getHistoryCleanupBatchWindowStartTime(),
            configuration.getHistoryCleanupBatchWindowEndTime()),
        weekdayWindows(),
        definitions(),
        lastRun(),
        nextRun());
  }

  private Map<String, HistoryCleanupView.Window> weekdayWindows() {
    Map<String, HistoryCleanupView.Window> windows = new LinkedHashMap<>();
    Map<Integer, BatchWindowConfiguration> configured =
        configuration.getHistoryCleanupBatchWindows();
    if (configured == null) {
      return windows;
    }
    // the engine keys its weekday windows by java.util.Calendar day (Sunday = 1)
    for (DayOfWeek day : DayOfWeek.values()) {
      BatchWindowConfiguration window = configured.get(day.getValue() % 7 + 1);
      if (window != null && window.getStartTime() != null) {
        windows.put(
            day.name(), new HistoryCleanupView.Window(window.getStartTime(), window.getEndTime()));
      }
    }
    return windows;
  }

  private List<HistoryCleanupView.DefinitionTimeToLive> definitions() {
    List<HistoryCleanupView.DefinitionTimeToLive> definitions = new ArrayList<>();
    repository
        .createProcessDefinitionQuery()
        .latestVersion()
        .list()
        .forEach(
            d ->
                definitions.add(
                    new HistoryCleanupView.DefinitionTimeToLive(
                        "process", d.getKey(), d.getVersion(), d.getHistoryTimeToLive())));
    repository
        .createDecisionDefinitionQuery()
        .latestVersion()
        .list()
        .forEach(
            d ->
                definitions.add(
                    new HistoryCleanupView.DefinitionTimeToLive(
                        "decision", d.getKey(), d.getVersion(), d.getHistoryTimeToLive())));
    definitions.sort(
        Comparator.comparing(HistoryCleanupView.DefinitionTimeToLive::type)
            .thenComparing(HistoryCleanupView.DefinitionTimeToLive::key));
    return definitions;
  }

  /** The latest success or failure the cleanup job logged. */
  private HistoryCleanupView.Run lastRun() {
    return history
        .createHistoricJobLogQuery()
        .jobDefinitionType(HistoryCleanupJobHandler.TYPE)
        .orderByTimestamp()
        .desc()
        .orderPartiallyByOccurrence()
        .desc()
        .listPage(0, 20)
        .stream()
        .filter(log -> log.isSuccessLog() || log.isFailureLog())
        .findFirst()
        .map(HistoryCleanupService::run)
        .orElse(null);
  }

  private static HistoryCleanupView.Run run(HistoricJobLog log) {
    return new HistoryCleanupView.Run(
        log.getTimestamp().toInstant(),
        log.isSuccessLog(),
        log.isFailureLog() ? log.getJobExceptionMessage() : null);
  }

  /** The earliest due date of the cleanup jobs, if any is scheduled. */
  private Instant nextRun() {
    return history.findHistoryCleanupJobs().stream()
        .map(Job::getDuedate)
        .filter(Objects::nonNull)
        .map(Date::toInstant)
        .min(Comparator.naturalOrder())
        .orElse(null);
  }
}
