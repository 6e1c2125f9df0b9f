package dev.baton.engine.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.system.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * Answers the sign-in form's request (sent by the login page's script) in JSON instead of
 * redirecting: 200 with the user name, or 401 problem+json that the page shows.
 */
@Component
class LoginHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

  private final ObjectMapper mapper;
  private final SessionRefresh sessions;

  LoginHandlers(ObjectMapper mapper, SessionRefresh sessions) {
    this.mapper = mapper;
    this.sessions = sessions;
  }

  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException {
    // the session ends when this password is set anew (SessionRefreshFilter)
    sessions.stamp(request, authentication.getName());
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    mapper.writeValue(response.getOutputStream(), Map.of("user", authentication.getName()));
  }

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    ProblemResponses.write(
        request,
        response,
        mapper,
        HttpStatus.UNAUTHORIZED,
        "Unauthorized",
        "Wrong user name or password.");
  }
}
