package dev.baton.engine.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.system.ApiPaths;
import dev.baton.engine.system.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/**
 * Answers 401 and 403 as {@code application/problem+json}, like every other error. A browser
 * opening a console page is sent to the login page instead; only callers that may answer a Basic
 * challenge get one (the console's own requests say {@code X-Requested-With}, so the browser shows
 * no password popup).
 */
@Component
class ProblemAuthenticationHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

  private static final List<String> MACHINE_PATHS =
      List.of(ApiPaths.API + "/", ApiPaths.ENGINE_REST + "/", ApiPaths.ACTUATOR + "/");

  private final ObjectMapper mapper;

  ProblemAuthenticationHandlers(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    if (isPageNavigation(request)) {
      response.sendRedirect(request.getContextPath() + ApiPaths.LOGIN_PAGE);
      return;
    }
    if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"Baton\"");
    }
    write(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized", "Sign in: " + e.getMessage());
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    String detail =
        e instanceof CsrfException
            ? "Missing or wrong CSRF token: send the XSRF-TOKEN cookie's value in the"
                + " X-XSRF-TOKEN header, or sign in with HTTP Basic."
            : "Your role does not allow this.";
    write(request, response, HttpStatus.FORBIDDEN, "Forbidden", detail);
  }

  /** A GET for an HTML page outside the APIs, as a browser's address bar or link sends it. */
  private static boolean isPageNavigation(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod())) {
      return false;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (MACHINE_PATHS.stream().anyMatch(path::startsWith)) {
      return false;
    }
    try {
      return MediaType.parseMediaTypes(request.getHeader("Accept")).stream()
          .anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
    } catch (InvalidMediaTypeException unreadable) {
      return false;
    }
  }

  private void write(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String title,
      String detail)
      throws IOException {
    ProblemResponses.write(request, response, mapper, status, title, detail);
  }
}
