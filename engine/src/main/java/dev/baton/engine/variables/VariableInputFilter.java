package dev.baton.engine.variables;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.system.ApiPaths;
import dev.baton.engine.system.BatonProperties;
import dev.baton.engine.system.CachedBodyRequest;
import dev.baton.engine.system.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads every JSON body sent to Baton's API or Camunda's REST API once, before either sees it:
 * refuses bodies nested deeper than {@code baton.engine.variables.max-depth} (plus the few levels
 * of the request's own envelope) and, on Camunda's REST API, every variable ({@code {value, type,
 * valueInfo}} wherever it appears: starts, variable updates, external-task outcomes, message
 * correlation, modifications...) that {@link VariablePolicy} does not accept. The body is parsed,
 * not searched for strings, so JSON escapes change nothing.
 */
public class VariableInputFilter extends OncePerRequestFilter {

  private static final Set<String> VARIABLE_FIELDS = Set.of("value", "type", "valueInfo", "local");

  private final ObjectMapper mapper;
  private final VariablePolicy policy;
  private final long maxBody;

  public VariableInputFilter(ObjectMapper mapper, BatonProperties.Variables settings) {
    this.mapper = mapper;
    this.policy = new VariablePolicy(settings);
    this.maxBody = settings.getMaxBodySize().toBytes();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String contentType = request.getContentType();
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !isBinaryUpload(request)
        && (contentType == null
            || !contentType.toLowerCase(Locale.ROOT).contains("json")
            || !(path.startsWith(ApiPaths.ENGINE_REST + "/")
                || path.startsWith(ApiPaths.API + "/")));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (isBinaryUpload(request)) {
      refuse(
          request,
          response,
          HttpStatus.BAD_REQUEST,
          "Binary variable uploads (Bytes, File, serialized objects) are refused; send JSON values");
      return;
    }
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBody + 1));
    }
    if (body.length > maxBody) {
      refuse(request, response, HttpStatus.PAYLOAD_TOO_LARGE, BodyLimitFilter.tooLarge(maxBody));
      return;
    }
    String refusal;
    try {
      JsonNode tree = body.length == 0 ? null : policy.bodyParser().readTree(body);
      refusal = tree == null || !isEngineRest(request) ? null : refusal(tree, null);
    } catch (StreamConstraintsException tooDeep) {
      refusal =
          "The body is JSON nested deeper than "
              + policy.maxDepth()
              + " levels (baton.engine.variables.max-depth)";
    } catch (JsonProcessingException malformed) {
      refusal = "Malformed JSON body: " + malformed.getOriginalMessage();
    }
    if (refusal != null) {
      refuse(request, response, HttpStatus.BAD_REQUEST, refusal);
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  /** The first variable in {@code node} the policy refuses, as a message; {@code null} if none. */
  private String refusal(JsonNode node, String name) {
    if (node.isObject()) {
      if (looksLikeVariable(node)) {
        String refusal = policy.refusal(name, node);
        if (refusal != null) {
          return refusal;
        }
      }
      // also inside variables: a map may hold variables called "value" or "type"
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String refusal = refusal(field.getValue(), field.getKey());
        if (refusal != null) {
          return refusal;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        String refusal = refusal(element, element.path("name").asText(name));
        if (refusal != null) {
          return refusal;
        }
      }
    }
    return null;
  }

  private static boolean looksLikeVariable(JsonNode node) {
    if (node.has("value") || node.has("valueInfo")) {
      return true;
    }
    if (!node.path("type").isTextual()) {
      return false;
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      if (!VARIABLE_FIELDS.contains(names.next())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Camunda's multipart door for variables ({@code …/variables/{name}/data}: Bytes, File, Java or
   * JSON objects by class name), on the path as Jersey will read it: percent-decoded, without
   * matrix parameters or a trailing slash.
   */
  static boolean isBinaryUpload(HttpServletRequest request) {
    String method = request.getMethod();
    if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
      return false;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith(ApiPaths.ENGINE_REST + "/")) {
      return false;
    }
    List<String> segments = new ArrayList<>();
    for (String segment : path.split("/")) {
      int matrix = segment.indexOf(';');
      String plain = matrix < 0 ? segment : segment.substring(0, matrix);
      if (!plain.isEmpty()) {
        segments.add(URLDecoder.decode(plain.replace("+", "%2B"), StandardCharsets.UTF_8));
      }
    }
    int last = segments.size() - 1;
    return last >= 2
        && segments.get(last).equalsIgnoreCase("data")
        && segments.get(last - 2).toLowerCase(Locale.ROOT).endsWith("variables");
  }

  private static boolean isEngineRest(HttpServletRequest request) {
    return request
        .getRequestURI()
        .startsWith(request.getContextPath() + ApiPaths.ENGINE_REST + "/");
  }

  private void refuse(
      HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    ProblemResponses.write(request, response, mapper, status, status.getReasonPhrase(), detail);
  }
}
