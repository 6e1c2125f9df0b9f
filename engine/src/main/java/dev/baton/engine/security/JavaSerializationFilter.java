package dev.baton.engine.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.system.CachedBodyRequest;
import dev.baton.engine.system.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses variables in Java serialization format on Camunda's REST API with a 400 problem, before
 * the engine sees them (the engine refuses them too, but as a 500). Deserializing such values is
 * how remote code execution through Java serialization works.
 */
class JavaSerializationFilter extends OncePerRequestFilter {

  private static final String FORMAT = "application/x-java-serialized-object";
  private static final int MAX_BODY = 64 * 1024 * 1024;

  private final ObjectMapper mapper;

  JavaSerializationFilter(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String contentType = request.getContentType();
    return !request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest/")
        || contentType == null
        || !contentType.toLowerCase(java.util.Locale.ROOT).contains("json");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(MAX_BODY);
    }
    if (new String(body, StandardCharsets.UTF_8).contains(FORMAT)) {
      ProblemResponses.write(
          request,
          response,
          mapper,
          HttpStatus.BAD_REQUEST,
          "Bad request",
          "Variables in Java serialization format (" + FORMAT + ") are refused; send JSON values");
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }
}
