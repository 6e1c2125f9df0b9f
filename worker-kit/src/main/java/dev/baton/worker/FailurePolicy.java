package dev.baton.worker;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.camunda.bpm.client.task.ExternalTask;

/**
 * How a technical failure is reported: the retries left after this attempt, when the task may run
 * again, and the message and details the engine shows on the incident.
 */
public final class FailurePolicy {

  /** Stack traces longer than this are cut; the engine keeps details, operators read the top. */
  static final int MAX_DETAILS = 4000;

  private final int retries;
  private final Duration retryTimeout;

  /**
   * @param retries attempts a task gets when the engine has no retry count for it yet
   * @param retryTimeout time before a failed task may be fetched again
   */
  public FailurePolicy(int retries, Duration retryTimeout) {
    this.retries = retries;
    this.retryTimeout = retryTimeout;
  }

  /**
   * Retries left after this failure: the task's count (or the configured one on its first failure)
   * minus one, never below 0. At 0 the engine raises an incident.
   */
  public int retriesLeft(ExternalTask task) {
    return retriesLeft(task.getRetries(), retries);
  }

  static int retriesLeft(Integer taskRetries, int configured) {
    int current = taskRetries == null ? configured : taskRetries;
    return Math.max(0, current - 1);
  }

  /** Milliseconds before a failed task may be fetched again. */
  public long retryTimeoutMillis() {
    return retryTimeout.toMillis();
  }

  /** The incident's message: the exception's message, or its type when it has none. */
  public static String message(Throwable failure) {
    String message = failure.getMessage();
    return message == null || message.isBlank() ? failure.getClass().getName() : message;
  }

  /** The stack trace, cut to {@value #MAX_DETAILS} characters. */
  public static String details(Throwable failure) {
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    String details = trace.toString();
    return details.length() <= MAX_DETAILS
        ? details
        : details.substring(0, MAX_DETAILS) + "\n\t... (cut at " + MAX_DETAILS + " characters)";
  }
}
