package dev.baton.engine.security;

import dev.baton.engine.security.SessionIdentityCache.Identity;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Before a session's request is authorized: a person who no longer exists, or whose password was
 * set anew since this session signed in, is signed out (the request goes on unauthenticated and is
 * refused with 401 where it needs a person); one whose roles changed gets the new roles on this
 * very request. HTTP Basic callers have no session: their password and groups are checked per call.
 */
class SessionRefreshFilter extends OncePerRequestFilter {

  private final SessionRefresh refresh;

  SessionRefreshFilter(SessionRefresh refresh) {
    this.refresh = refresh;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (session == null
        || !(authentication instanceof UsernamePasswordAuthenticationToken)
        || !authentication.isAuthenticated()
        || authentication.getName() == null) {
      chain.doFilter(request, response);
      return;
    }
    Optional<Identity> now = refresh.current(authentication.getName());
    Object signedInWith = session.getAttribute(SessionRefresh.CREDENTIAL_STAMP);
    if (now.isEmpty()
        || (signedInWith != null && !Objects.equals(signedInWith, now.get().credentialStamp()))) {
      session.invalidate();
      SecurityContextHolder.clearContext();
      chain.doFilter(request, response);
      return;
    }
    List<String> held =
        authentication.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .filter(authority -> authority.startsWith("ROLE_"))
            .sorted()
            .toList();
    List<String> roles = SessionRefresh.roleNames(now.get().groups());
    if (!held.equals(roles)) {
      Authentication renewed =
          UsernamePasswordAuthenticationToken.authenticated(
              authentication.getPrincipal(),
              null,
              roles.stream().<GrantedAuthority>map(SimpleGrantedAuthority::new).toList());
      SecurityContext context = SecurityContextHolder.createEmptyContext();
      context.setAuthentication(renewed);
      SecurityContextHolder.setContext(context);
      session.setAttribute(
          HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
    }
    chain.doFilter(request, response);
  }
}
