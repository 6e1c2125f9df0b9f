package dev.baton.engine.workers;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.security.CanonicalPath;
import dev.baton.engine.system.CachedBodyRequest;
import dev.baton.engine.system.ProblemResponses;
import dev.baton.engine.workers.ExternalTaskCall.Operation;
import dev.baton.engine.workers.LiveWorker.Outcome;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stands in front of {@code /engine-rest/external-task}: holds signed-in workers to their own
 * topics and tasks, and tells the registry and the metrics what each worker did.
 */
public class ExternalTaskGate extends OncePerRequestFilter {

  private static final int MAX_BODY = 10 * 1024 * 1024;
  private static final int MAX_CAPTURE = 4 * 1024 * 1024;

  private final WorkerAccess access;
  private final TaskActivity activity;
  private final ObjectMapper mapper;

  public ExternalTaskGate(WorkerAccess access, TaskActivity activity, ObjectMapper mapper) {
    this.access = access;
    this.activity = activity;
    this.mapper = mapper;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !path(request).startsWith("/external-task");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body = readBody(request);
    if (body == null) {
      problem(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "The body is larger than 10 MB");
      return;
    }
    CachedBodyRequest cached = new CachedBodyRequest(request, body);
    WorkerPrincipal worker = signedInWorker();
    ExternalTaskCall call;
    try {
      call = ExternalTaskCall.parse(request.getMethod(), path(request), body, mapper);
    } catch (IOException unreadable) {
      if (worker != null) {
        problem(
            request,
            response,
            HttpStatus.BAD_REQUEST,
            "Unreadable body: " + unreadable.getMessage());
        return;
      }
      chain.doFilter(cached, response);
      return;
    }
    if (worker != null) {
      String refusal =
          access.refusal(
              worker, call, call.taskId() == null ? null : activity.handedTo(call.taskId()));
      if (refusal != null) {
        problem(request, response, HttpStatus.FORBIDDEN, refusal);
        return;
      }
    }
    if (call.operation() == Operation.FETCH_AND_LOCK) {
      fetchAndLock(cached, response, chain, call);
    } else if (isOutcome(call.operation())) {
      String topic = activity.topicOf(call.taskId());
      chain.doFilter(cached, response);
      if (response.getStatus() == HttpServletResponse.SC_NO_CONTENT) {
        activity.finished(call.workerId(), topic, call.taskId(), outcome(call.operation()));
      }
    } else {
      chain.doFilter(cached, response);
      if (call.operation() == Operation.EXTEND_LOCK
          && response.getStatus() == HttpServletResponse.SC_NO_CONTENT) {
        activity.alive(call.workerId());
      }
    }
  }

  private void fetchAndLock(
      CachedBodyRequest request,
      HttpServletResponse response,
      FilterChain chain,
      ExternalTaskCall call)
      throws IOException, ServletException {
    activity.polled(call, request.getRemoteAddr());
    CapturingResponse capturing = new CapturingResponse(response, MAX_CAPTURE);
    chain.doFilter(request, capturing);
    if (request.isAsyncStarted()) {
      request.getAsyncContext().addListener(new WhenWritten(call, capturing));
    } else {
      activity.fetched(call.workerId(), capturing.captured());
    }
  }

  /** Counts a long-polled answer's tasks once the REST API has written it. */
  private final class WhenWritten implements AsyncListener {
    private final ExternalTaskCall call;
    private final CapturingResponse response;

    WhenWritten(ExternalTaskCall call, CapturingResponse response) {
      this.call = call;
      this.response = response;
    }

    @Override
    public void onComplete(AsyncEvent event) {
      activity.fetched(call.workerId(), response.captured());
    }

    @Override
    public void onTimeout(AsyncEvent event) {}

    @Override
    public void onError(AsyncEvent event) {}

    @Override
    public void onStartAsync(AsyncEvent event) {}
  }

  private static boolean isOutcome(Operation operation) {
    return operation == Operation.COMPLETE
        || operation == Operation.FAILURE
        || operation == Operation.BPMN_ERROR;
  }

  private static Outcome outcome(Operation operation) {
    return switch (operation) {
      case COMPLETE -> Outcome.COMPLETED;
      case FAILURE -> Outcome.FAILED;
      default -> Outcome.BPMN_ERROR;
    };
  }

  private static WorkerPrincipal signedInWorker() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.getPrincipal() instanceof WorkerPrincipal w
        ? w
        : null;
  }

  /** The path Camunda will route (decoded, alias and trailing slash resolved), below its root. */
  private static String path(HttpServletRequest request) {
    return CanonicalPath.belowEngineRest(request);
  }

  private static byte[] readBody(HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > MAX_BODY) {
      return null;
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(MAX_BODY + 1);
      return body.length > MAX_BODY ? null : body;
    }
  }

  private void problem(
      HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    ProblemResponses.write(request, response, mapper, status, status.getReasonPhrase(), detail);
  }
}
