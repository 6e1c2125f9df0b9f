package dev.baton.engine.system;

import dev.baton.adapters.rules.TimerCycles;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * What models may make the engine do, set on the engine itself: CMMN is not parsed unless an admin
 * turns it on, queries (stored filters, ad-hoc queries) evaluate no expressions, and a timer cycle
 * computed at run time (from an expression the deploy check could not read) may not repeat faster
 * than {@code baton.engine.models.min-timer-cycle}.
 */
@Component
class ModelLimits extends AbstractProcessEnginePlugin {

  private final BatonProperties.Models settings;

  ModelLimits(BatonProperties properties) {
    this.settings = properties.getModels();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCmmnEnabled(settings.isCmmn());
    configuration.setEnableExpressionsInStoredQueries(false);
    configuration.setEnableExpressionsInAdhocQueries(false);
    MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
    calendars.addBusinessCalendar(DurationBusinessCalendar.NAME, new DurationBusinessCalendar());
    calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME, new DueDateBusinessCalendar());
    calendars.addBusinessCalendar(
        CycleBusinessCalendar.NAME, new MinimumCycleCalendar(settings.getMinTimerCycle()));
    configuration.setBusinessCalendarManager(calendars);
  }

  /**
   * The engine's cycle calendar, refusing a cycle that repeats faster than the minimum. The engine
   * reads repeating timers through this calendar (and casts to its type), so it extends it.
   */
  static final class MinimumCycleCalendar extends CycleBusinessCalendar {

    private final Duration minimum;

    MinimumCycleCalendar(Duration minimum) {
      this.minimum = minimum;
    }

    @Override
    public Date resolveDuedate(String duedateDescription, Date startDate, long repeatOffset) {
      Date from = startDate == null ? new Date() : startDate;
      TimerCycles.shortestPeriod(duedateDescription, from)
          .filter(period -> period.compareTo(minimum) < 0)
          .ifPresent(
              period -> {
                throw new ProcessEngineException(
                    "The timer cycle '"
                        + duedateDescription
                        + "' fires every "
                        + period.toMillis()
                        + " ms; Baton accepts at least "
                        + minimum.toMillis()
                        + " ms apart");
              });
      return super.resolveDuedate(duedateDescription, startDate, repeatOffset);
    }
  }
}
