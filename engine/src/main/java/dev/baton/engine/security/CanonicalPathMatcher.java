package dev.baton.engine.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Matches a request's {@link CanonicalPath} (and optionally its method) against path patterns, so a
 * rule written once holds for {@code /engine-rest/engine/default/…}, trailing slashes and
 * percent-encoded paths alike.
 */
final class CanonicalPathMatcher implements RequestMatcher {

  private final HttpMethod method;
  private final List<PathPattern> patterns;
  private final String description;

  private CanonicalPathMatcher(HttpMethod method, String... patterns) {
    this.method = method;
    this.patterns = Arrays.stream(patterns).map(PathPatternParser.defaultInstance::parse).toList();
    this.description = (method == null ? "" : method + " ") + String.join(", ", patterns);
  }

  /** Any method on these path patterns. */
  static RequestMatcher paths(String... patterns) {
    return new CanonicalPathMatcher(null, patterns);
  }

  /** One method on these path patterns. */
  static RequestMatcher paths(HttpMethod method, String... patterns) {
    return new CanonicalPathMatcher(method, patterns);
  }

  @Override
  public boolean matches(HttpServletRequest request) {
    if (method != null && !method.matches(request.getMethod())) {
      return false;
    }
    PathContainer path = PathContainer.parsePath(CanonicalPath.of(request));
    return patterns.stream().anyMatch(pattern -> pattern.matches(path));
  }

  @Override
  public String toString() {
    return "Canonical[" + description + "]";
  }
}
