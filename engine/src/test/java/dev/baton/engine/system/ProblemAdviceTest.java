package dev.baton.engine.system;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.baton.engine.LogCapture;
import java.lang.reflect.Method;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

class ProblemAdviceTest {

  private final ProblemAdvice advice = new ProblemAdvice();

  @Test
  void shouldAnswerBadRequestWithTheMessageForBatonsOwnRefusal() {
    // when
    ProblemDetail problem = advice.badRequest(new BadRequestException("size must be 1 to 500"));

    // then
    assertThat(problem.getStatus()).isEqualTo(400);
    assertThat(problem.getDetail()).isEqualTo("size must be 1 to 500");
  }

  @Test
  void shouldRouteIllegalArgumentToTheInternalErrorHandlerAndBatonsRefusalToBadRequest() {
    // given
    ExceptionHandlerMethodResolver handlers =
        new ExceptionHandlerMethodResolver(ProblemAdvice.class);

    // when
    Method forBug = handlers.resolveMethod(new IllegalArgumentException("bug"));
    Method forRefusal = handlers.resolveMethod(new BadRequestException("bad input"));

    // then
    assertThat(forBug.getName()).isEqualTo("unexpected");
    assertThat(forRefusal.getName()).isEqualTo("badRequest");
  }

  @Test
  void shouldAnswerIllegalArgumentAsInternalErrorWithAReferenceTheOneLogLineCarries() {
    // given a bug deep inside that throws IllegalArgumentException
    IllegalArgumentException bug = new IllegalArgumentException("index 7 out of bounds");
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/instances");

    // when
    ProblemDetail problem;
    List<ILoggingEvent> logged;
    try (LogCapture log = LogCapture.of(ProblemAdvice.class)) {
      problem = advice.unexpected(bug, request);
      logged = log.events();
    }

    // then the caller is not blamed and not shown the message, and the reference finds the log
    assertThat(problem.getStatus()).isEqualTo(500);
    assertThat(problem.getDetail()).doesNotContain("index 7");
    String reference = String.valueOf(problem.getProperties().get("reference"));
    assertThat(UUID.fromString(reference).toString()).isEqualTo(reference);
    assertThat(problem.getDetail()).contains(reference);
    assertThat(logged).hasSize(1);
    ILoggingEvent line = logged.get(0);
    assertThat(line.getLevel()).isEqualTo(Level.ERROR);
    assertThat(line.getFormattedMessage()).contains(reference).contains("GET /api/instances");
    assertThat(line.getThrowableProxy().getMessage()).isEqualTo("index 7 out of bounds");
  }

  @Test
  void shouldAnswerAPathNothingMapsAsNotFoundNamingThePathWithoutTheQuery() {
    // given
    MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/api/me/password/");
    request.setQueryString("token=secret");
    ServletWebRequest web = new ServletWebRequest(request);

    // when static resources answer it, and when nothing does
    ResponseEntity<Object> noResource =
        advice.handleNoResourceFoundException(
            new NoResourceFoundException(HttpMethod.PUT, "api/me/password/"),
            new HttpHeaders(),
            HttpStatus.NOT_FOUND,
            web);
    ResponseEntity<Object> noHandler =
        advice.handleNoHandlerFoundException(
            new NoHandlerFoundException("PUT", "/api/me/password/", new HttpHeaders()),
            new HttpHeaders(),
            HttpStatus.NOT_FOUND,
            web);

    // then both are the same problem
    for (ResponseEntity<Object> answer : List.of(noResource, noHandler)) {
      assertThat(answer.getStatusCode().value()).isEqualTo(404);
      ProblemDetail problem = (ProblemDetail) answer.getBody();
      assertThat(problem.getTitle()).isEqualTo("Not found");
      assertThat(problem.getDetail()).isEqualTo("No such resource: /api/me/password/");
    }
  }
}
