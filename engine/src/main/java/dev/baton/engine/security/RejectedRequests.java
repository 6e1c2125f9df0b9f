package dev.baton.engine.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.system.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * A path the firewall refuses ({@code //}, {@code ..}, {@code ;}, encoded slashes or percent signs)
 * is the caller's mistake: a 400 problem, not the container's 500. Picked up by Spring Security's
 * filter chain as the one {@link RequestRejectedHandler} bean.
 */
@Component
class RejectedRequests implements RequestRejectedHandler {

  private final ObjectMapper mapper;

  RejectedRequests(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, RequestRejectedException refused)
      throws IOException {
    ProblemResponses.write(
        request,
        response,
        mapper,
        HttpStatus.BAD_REQUEST,
        "Bad request",
        "The request's path is not in canonical form (no '//', '..', ';' or encoded '/' or '%')");
  }
}
