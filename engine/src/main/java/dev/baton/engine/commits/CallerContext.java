package dev.baton.engine.commits;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.MDC;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What a call's work reads from its thread — the engine's authentication (authorization checks, the
 * starting user), Spring Security's context and the logging context — taken on the caller's thread
 * and put on the thread that runs the shared transaction for the length of that work.
 */
final class CallerContext {

  private final IdentityService identity;
  private final Authentication authentication;
  private final SecurityContext security;
  private final Map<String, String> logging;

  private CallerContext(
      IdentityService identity,
      Authentication authentication,
      SecurityContext security,
      Map<String, String> logging) {
    this.identity = identity;
    this.authentication = authentication;
    this.security = security;
    this.logging = logging;
  }

  static CallerContext capture(IdentityService identity) {
    return new CallerContext(
        identity,
        identity.getCurrentAuthentication(),
        SecurityContextHolder.getContext(),
        MDC.getCopyOfContextMap());
  }

  /** Puts this caller's context on the current thread; closing restores the thread's own. */
  Scope enter() {
    CallerContext own = capture(identity);
    apply(this);
    return () -> apply(own);
  }

  private static void apply(CallerContext context) {
    if (context.authentication == null) {
      context.identity.clearAuthentication();
    } else {
      context.identity.setAuthentication(context.authentication);
    }
    SecurityContextHolder.setContext(context.security);
    if (context.logging == null) {
      MDC.clear();
    } else {
      MDC.setContextMap(context.logging);
    }
  }

  /** The time a caller's context is on another thread. */
  interface Scope extends AutoCloseable {
    /** The caller's own thread: nothing to put on it or restore. */
    Scope NONE = () -> {};

    @Override
    void close();
  }
}
