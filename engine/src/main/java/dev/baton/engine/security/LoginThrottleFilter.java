package dev.baton.engine.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.system.ApiPaths;
import dev.baton.engine.system.ProblemResponses;
import dev.baton.engine.system.TooManyRequestsException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses sign-in attempts (form sign-in and every request carrying HTTP Basic) with 429 and
 * Retry-After while the {@link LoginThrottle} holds their address or user name, before any password
 * is checked: a refused guess says nothing about the password.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

  private final LoginThrottle throttle;
  private final ObjectMapper mapper;
  private final BasicAuthenticationConverter basic = new BasicAuthenticationConverter();

  LoginThrottleFilter(LoginThrottle throttle, ObjectMapper mapper) {
    this.throttle = throttle;
    this.mapper = mapper;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String user;
    if (isFormSignIn(request)) {
      user = request.getParameter("username");
    } else {
      UsernamePasswordAuthenticationToken credentials = basicCredentials(request);
      if (credentials == null) {
        chain.doFilter(request, response);
        return;
      }
      user = credentials.getName();
    }
    Duration wait = throttle.retryAfter(request.getRemoteAddr(), user);
    if (wait.isZero()) {
      chain.doFilter(request, response);
      return;
    }
    long seconds = TooManyRequestsException.secondsToWait(wait);
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    ProblemResponses.write(
        request,
        response,
        mapper,
        HttpStatus.TOO_MANY_REQUESTS,
        "Too many failed sign-ins",
        "Too many failed sign-ins; try again in " + seconds + " s.");
  }

  private static boolean isFormSignIn(HttpServletRequest request) {
    return "POST".equals(request.getMethod())
        && (request.getContextPath() + ApiPaths.LOGIN).equals(request.getRequestURI());
  }

  private UsernamePasswordAuthenticationToken basicCredentials(HttpServletRequest request) {
    try {
      return basic.convert(request);
    } catch (AuthenticationException malformed) {
      // the Basic filter answers a malformed header itself
      return null;
    }
  }
}
