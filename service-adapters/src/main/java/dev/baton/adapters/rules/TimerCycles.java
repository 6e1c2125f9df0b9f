package dev.baton.adapters.rules;

import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.impl.calendar.CronTimer;
import org.camunda.bpm.engine.impl.calendar.DateTimeUtil;

/**
 * How often a timer cycle fires, read the way the engine's cycle calendar reads it: an ISO 8601
 * repetition ({@code R[n]/[start/]duration[/end]}, or {@code R[n]/start/end}) or a cron expression.
 * The same reading serves the deploy check and the engine's calendar at run time.
 */
public final class TimerCycles {

  /** Cron gaps sampled: a cron like {@code 0,1 0 * * * ?} fires twice a second once an hour. */
  private static final int CRON_SAMPLES = 16;

  private static final DatatypeFactory DATATYPES;

  static {
    try {
      DATATYPES = DatatypeFactory.newInstance();
    } catch (DatatypeConfigurationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private TimerCycles() {}

  /**
   * The shortest time between two firings of {@code cycle} from {@code from}, or empty when the
   * text is not a cycle (the engine reports that itself) or it fires at most once.
   */
  public static Optional<Duration> shortestPeriod(String cycle, Date from) {
    String text = cycle == null ? "" : cycle.trim();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return text.startsWith("R") ? isoPeriod(text, from) : cronPeriod(text, from);
    } catch (RuntimeException | java.text.ParseException unreadable) {
      return Optional.empty();
    }
  }

  private static Optional<Duration> isoPeriod(String text, Date from) {
    String[] parts = text.split("/");
    for (int i = 1; i < parts.length; i++) {
      if (parts[i].startsWith("P")) {
        return Optional.of(Duration.ofMillis(duration(parts[i], from)));
      }
    }
    if (parts.length == 3) {
      long start = DateTimeUtil.parseDate(parts[1]).getTime();
      long end = DateTimeUtil.parseDate(parts[2]).getTime();
      return Optional.of(Duration.ofMillis(end - start));
    }
    return Optional.empty();
  }

  private static long duration(String iso, Date from) {
    if (iso.matches("P\\d+W")) {
      return Duration.ofDays(7L * Long.parseLong(iso.substring(1, iso.length() - 1))).toMillis();
    }
    return DATATYPES.newDuration(iso).getTimeInMillis(from);
  }

  private static Optional<Duration> cronPeriod(String text, Date from)
      throws java.text.ParseException {
    CronTimer cron = CronTimer.parse(text);
    Date previous = cron.getDueDate(from);
    Duration shortest = null;
    for (int i = 0; i < CRON_SAMPLES; i++) {
      Date next = cron.getDueDate(previous);
      if (!next.after(previous)) {
        break;
      }
      Duration gap = Duration.ofMillis(next.getTime() - previous.getTime());
      shortest = shortest == null || gap.compareTo(shortest) < 0 ? gap : shortest;
      previous = next;
    }
    return Optional.ofNullable(shortest);
  }
}
