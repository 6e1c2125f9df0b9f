package dev.baton.engine.system;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.baton.adapters.StepFailedException;
import dev.baton.engine.deployments.InvalidBpmnException;
import dev.baton.engine.instances.ModificationRefusedException;
import dev.baton.engine.migrations.InvalidMigrationPlanException;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.exception.NotValidException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * The one place exceptions become {@code application/problem+json} answers. It advises every
 * handler, not only Baton's controllers: a path nothing maps (e.g. {@code /api/instances/}) has no
 * controller of Baton's, only Spring's static-resource handler, and must still answer a problem.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemAdvice.class);

  private final ExceptionHandlerMethodResolver handlers =
      new ExceptionHandlerMethodResolver(ProblemAdvice.class);

  /**
   * The problem this advice answers for {@code failure}, for answers that carry several (the items
   * of a batch): one mapping of exceptions to problems.
   */
  public ProblemDetail describe(Exception failure, HttpServletRequest request) {
    Method handler = handlers.resolveMethodByThrowable(failure);
    if (handler == null) {
      return unexpected(failure, request);
    }
    Object[] arguments =
        Arrays.stream(handler.getParameterTypes())
            .map(
                type ->
                    type.isInstance(failure)
                        ? failure
                        : type.isInstance(request)
                            ? request
                            : type.isAssignableFrom(ServletWebRequest.class)
                                ? new ServletWebRequest(request)
                                : null)
            .toArray();
    try {
      Object answer = handler.invoke(this, arguments);
      Object body = answer instanceof ResponseEntity<?> entity ? entity.getBody() : answer;
      return body instanceof ProblemDetail problem ? problem : unexpected(failure, request);
    } catch (ReflectiveOperationException e) {
      return unexpected(failure, request);
    }
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
  }

  @ExceptionHandler({
    BadRequestException.class,
    BadUserRequestException.class,
    NotValidException.class
  })
  ProblemDetail badRequest(RuntimeException e) {
    return problem(HttpStatus.BAD_REQUEST, "Bad request", e.getMessage());
  }

  /**
   * A diagram's expression failed at a step that ran inside this request (an unknown variable, a
   * refused call): the model or the data sent is at fault, and nothing of the request was saved.
   */
  @ExceptionHandler(StepExpressionException.class)
  ProblemDetail stepExpression(StepExpressionException e) {
    ProblemDetail problem =
        problem(
            HttpStatus.BAD_REQUEST,
            "Step failed",
            e.getMessage() + ". Nothing of this request was saved.");
    if (e.activityId() != null) {
      problem.setProperty("activityId", e.activityId());
    }
    problem.setProperty("expression", e.expression());
    return problem;
  }

  /** Spring Security's firewall refused a header value (e.g. control or non-ASCII characters). */
  @ExceptionHandler(RequestRejectedException.class)
  ProblemDetail rejected(RequestRejectedException e) {
    return problem(
        HttpStatus.BAD_REQUEST,
        "Bad request",
        "The request has a header or parameter with characters that are not allowed");
  }

  /** Each instruction of a modification that cannot apply, by its index in the request. */
  @ExceptionHandler(ModificationRefusedException.class)
  ProblemDetail modificationRefused(ModificationRefusedException e) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Modification refused", e.getMessage());
    problem.setProperty("problems", e.problems());
    return problem;
  }

  @ExceptionHandler(InvalidBpmnException.class)
  ProblemDetail invalidBpmn(InvalidBpmnException e) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid BPMN", e.getMessage());
    problem.setProperty("problems", e.problems());
    return problem;
  }

  @ExceptionHandler(InvalidMigrationPlanException.class)
  ProblemDetail invalidMigrationPlan(InvalidMigrationPlanException e) {
    ProblemDetail problem =
        problem(HttpStatus.BAD_REQUEST, "Invalid migration plan", e.getMessage());
    problem.setProperty("problems", e.problems());
    return problem;
  }

  /** The engine's own BPMN parser refused a file that passed Baton's checks. */
  @ExceptionHandler(ParseException.class)
  ProblemDetail engineParse(ParseException e) {
    List<Map<String, Object>> problems = new ArrayList<>();
    e.getResorceReports()
        .forEach(
            report ->
                report
                    .getErrors()
                    .forEach(
                        error -> {
                          Map<String, Object> problem = new LinkedHashMap<>();
                          problem.put("rule", "engine");
                          problem.put("elementId", error.getMainElementId());
                          problem.put("message", error.getMessage());
                          problem.put("severity", "error");
                          problem.put("line", error.getLine());
                          problem.put("column", error.getColumn());
                          problems.add(problem);
                        }));
    String detail =
        problems.isEmpty() ? e.getMessage() : String.valueOf(problems.get(0).get("message"));
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid BPMN", detail);
    problem.setProperty("problems", problems);
    return problem;
  }

  /**
   * An adapter step that opted out of its save point ran inside this request and its service
   * failed: the service's fault, not Baton's or the caller's, and the request's work is rolled
   * back.
   */
  @ExceptionHandler(StepFailedException.class)
  ProblemDetail stepFailed(StepFailedException e) {
    ProblemDetail problem =
        problem(
            HttpStatus.BAD_GATEWAY,
            "Step failed",
            "Step '"
                + e.activityId()
                + "' (adapter '"
                + e.adapter()
                + "') failed: "
                + e.getMessage()
                + ". Nothing of this request was saved.");
    problem.setProperty("activityId", e.activityId());
    problem.setProperty("adapter", e.adapter());
    return problem;
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
  }

  @ExceptionHandler(TooManyRequestsException.class)
  ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException e) {
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
        .body(problem(HttpStatus.TOO_MANY_REQUESTS, "Too many attempts", e.getMessage()));
  }

  @ExceptionHandler(AuthorizationException.class)
  ProblemDetail forbidden(AuthorizationException e) {
    return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
  }

  /**
   * Camunda's message correlation found several instances waiting for the message (or none any
   * more, when one ended between Baton's look and the correlation): nothing was correlated.
   */
  @ExceptionHandler(MismatchingMessageCorrelationException.class)
  ProblemDetail messageNotCorrelated(MismatchingMessageCorrelationException e) {
    return problem(HttpStatus.CONFLICT, "Message not correlated", e.getMessage());
  }

  @ExceptionHandler(OptimisticLockingException.class)
  ProblemDetail concurrentChange(OptimisticLockingException e) {
    return problem(HttpStatus.CONFLICT, "Conflict", "The data changed concurrently; try again.");
  }

  /**
   * Anything else is Baton's fault, not the caller's (an {@link IllegalArgumentException} too): 500
   * with a reference that the one log line carries, so an operator can find the cause.
   */
  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e, HttpServletRequest request) {
    if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
      // the caller went away (e.g. a cancelled download): nothing to answer, nothing to alarm
      LOG.debug("Client gone during {} {}", request.getMethod(), request.getRequestURI());
      return null;
    }
    String reference = UUID.randomUUID().toString();
    LOG.error(
        "Unexpected error {} on {} {}", reference, request.getMethod(), request.getRequestURI(), e);
    ProblemDetail problem =
        problem(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "Internal error",
            "The request failed; the server log names the cause under reference " + reference);
    problem.setProperty("reference", reference);
    return problem;
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String detail =
        e.getCause() instanceof UnrecognizedPropertyException unknown
            ? "Unknown field '" + unknown.getPropertyName() + "'"
            : "Malformed JSON body: " + firstLine(e.getMostSpecificCause().getMessage());
    return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Bad request", detail));
  }

  /** A body that breaks its declared limits: each broken field named with its rule. */
  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String detail =
        e.getBindingResult().getAllErrors().stream()
            .map(
                error ->
                    (error instanceof FieldError field ? field.getField() : error.getObjectName())
                        + ": "
                        + error.getDefaultMessage())
            .sorted()
            .collect(Collectors.joining("; "));
    return ResponseEntity.badRequest()
        .body(
            problem(
                HttpStatus.BAD_REQUEST,
                "Bad request",
                detail.isEmpty() ? "The request body breaks its limits" : detail));
  }

  /**
   * A path nothing maps, a trailing slash included. Spring's own detail names the static-resource
   * lookup; this one names the path as the caller sent it (percent-encoded, without the query).
   */
  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(
      NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return noSuchResource(request);
  }

  /** As {@link #handleNoResourceFoundException}, should static resources ever be switched off. */
  @Override
  protected ResponseEntity<Object> handleNoHandlerFoundException(
      NoHandlerFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return noSuchResource(request);
  }

  private static ResponseEntity<Object> noSuchResource(WebRequest request) {
    String path = ((ServletWebRequest) request).getRequest().getRequestURI();
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(problem(HttpStatus.NOT_FOUND, "Not found", "No such resource: " + path));
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }
}
