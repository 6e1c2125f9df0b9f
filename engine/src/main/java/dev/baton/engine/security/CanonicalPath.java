package dev.baton.engine.security;

import dev.baton.engine.system.ApiPaths;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.UriUtils;

/**
 * The one path every rule is matched on: what the servlet container and Camunda's REST layer will
 * route, not the raw text. Percent-encoding is decoded (Jersey decodes path segments after any
 * filter saw them), trailing slashes are dropped (Jersey accepts them), and Camunda's alias {@code
 * /engine-rest/engine/{name}/<resource>} becomes {@code /engine-rest/<resource>}. Encoded slashes,
 * encoded percent signs, {@code //}, {@code ..} and {@code ;} never get this far: Spring Security's
 * firewall refuses them first.
 */
public final class CanonicalPath {

  private static final Pattern NAMED_ENGINE =
      Pattern.compile("^" + Pattern.quote(ApiPaths.ENGINE_REST) + "/engine/[^/]+(/.+)$");

  private CanonicalPath() {}

  /** The canonical path of a request, below its context path. */
  public static String of(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    return of(context != null && uri.startsWith(context) ? uri.substring(context.length()) : uri);
  }

  /** The canonical form of a raw path (as sent, still percent-encoded). */
  public static String of(String rawPath) {
    String path;
    try {
      path = UriUtils.decode(rawPath, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException badEscape) {
      // left encoded, it matches no rule and is refused like any unknown path
      path = rawPath;
    }
    while (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    Matcher named = NAMED_ENGINE.matcher(path);
    return named.matches() ? ApiPaths.ENGINE_REST + named.group(1) : path;
  }

  /** The canonical path below {@code /engine-rest}, or "" for paths outside Camunda's REST API. */
  public static String belowEngineRest(HttpServletRequest request) {
    String path = of(request);
    return path.startsWith(ApiPaths.ENGINE_REST + "/")
        ? path.substring(ApiPaths.ENGINE_REST.length())
        : "";
  }
}
