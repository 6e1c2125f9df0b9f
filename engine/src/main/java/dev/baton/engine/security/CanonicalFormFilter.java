package dev.baton.engine.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first thing every request meets: a path Spring Security's firewall would refuse ({@code //},
 * {@code ..}, {@code ;}, encoded {@code /} or {@code %}) is answered 400 here, before filters that
 * parse paths on their own (Spring's request-path parsing answered such a path to Camunda's REST
 * servlet with a 500). The firewall in the security chain still checks everything it reaches.
 */
class CanonicalFormFilter extends OncePerRequestFilter {

  private final HttpFirewall firewall = new StrictHttpFirewall();
  private final RejectedRequests rejected;

  CanonicalFormFilter(RejectedRequests rejected) {
    this.rejected = rejected;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      firewall.getFirewalledRequest(request);
    } catch (RequestRejectedException refused) {
      rejected.handle(request, response, refused);
      return;
    }
    chain.doFilter(request, response);
  }
}
