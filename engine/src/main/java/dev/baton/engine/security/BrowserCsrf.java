package dev.baton.engine.security;

import dev.baton.engine.system.ApiPaths;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.StringUtils;

/**
 * CSRF protection for the console (Spring Security's single-page-application pattern): the token
 * travels in the readable {@code XSRF-TOKEN} cookie and comes back in the {@code X-XSRF-TOKEN}
 * header. Only requests a browser could be tricked into sending need it: changes riding on a
 * session cookie, and the sign-in form. HTTP Basic callers (tools, workers) carry their credentials
 * explicitly and need no token.
 */
final class BrowserCsrf implements CsrfTokenRequestHandler {

  private final CsrfTokenRequestHandler plain = new CsrfTokenRequestAttributeHandler();
  private final CsrfTokenRequestHandler xor = new XorCsrfTokenRequestAttributeHandler();

  /** The cookie follows the session cookie's Secure and SameSite settings. */
  static CookieCsrfTokenRepository repository(ServerProperties server) {
    var sessionCookie = server.getServlet().getSession().getCookie();
    CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
    repository.setCookieCustomizer(
        cookie -> {
          cookie.sameSite(sameSite(sessionCookie.getSameSite()));
          if (sessionCookie.getSecure() != null) {
            cookie.secure(sessionCookie.getSecure());
          }
        });
    return repository;
  }

  /** Unsafe methods, not HTTP Basic, and either a session cookie or the sign-in form. */
  static RequestMatcher required() {
    return request ->
        CsrfFilter.DEFAULT_CSRF_MATCHER.matches(request)
            && !hasBasicCredentials(request)
            && (request.getRequestedSessionId() != null || isSignIn(request));
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
    xor.handle(request, response, token);
    if (isBrowser(request) && !hasBasicCredentials(request)) {
      // loads the deferred token, so a browser without the cookie gets one on this answer
      token.get();
    }
  }

  @Override
  public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
    // the console sends the cookie's raw value in the header; a form field would be masked
    return StringUtils.hasText(request.getHeader(token.getHeaderName()))
        ? plain.resolveCsrfTokenValue(request, token)
        : xor.resolveCsrfTokenValue(request, token);
  }

  /** A page load or the console's own request; health probes and service calls get no cookie. */
  private static boolean isBrowser(HttpServletRequest request) {
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    return "XMLHttpRequest".equals(request.getHeader("X-Requested-With"))
        || (accept != null && accept.contains("text/html"));
  }

  static boolean hasBasicCredentials(HttpServletRequest request) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
  }

  private static boolean isSignIn(HttpServletRequest request) {
    return (request.getContextPath() + ApiPaths.LOGIN).equals(request.getRequestURI());
  }

  private static String sameSite(org.springframework.boot.web.server.Cookie.SameSite sameSite) {
    return sameSite == null ? "Lax" : sameSite.attributeValue();
  }
}
