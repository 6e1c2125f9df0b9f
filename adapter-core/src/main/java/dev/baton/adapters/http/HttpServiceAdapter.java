package dev.baton.adapters.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.adapters.AdapterCall;
import dev.baton.adapters.BusinessRejectionException;
import dev.baton.adapters.ServiceAdapter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The generic HTTP adapter: the task's inputs as a JSON body, the JSON answer's fields as output
 * variables. A 4xx answer carrying an {@code errorCode} is a business rejection; any other 4xx, a
 * 5xx, a timeout or a refused connection is a technical failure.
 */
public class HttpServiceAdapter implements ServiceAdapter {

  /** Header that lets the service recognise a repeated call. */
  public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

  private final String name;
  private final HttpAdapterSpec spec;
  private final Function<String, URI> urlResolver;
  private final ObjectMapper mapper;
  private final RestClient client;

  public HttpServiceAdapter(
      String name, HttpAdapterSpec spec, Function<String, URI> urlResolver, ObjectMapper mapper) {
    if (spec.getUrl() == null || spec.getUrl().isBlank()) {
      throw new IllegalArgumentException("baton.adapters." + name + ".url is not set");
    }
    this.name = name;
    this.spec = spec;
    this.urlResolver = urlResolver;
    this.mapper = mapper;
    HttpClient http = HttpClient.newBuilder().connectTimeout(spec.getConnectTimeout()).build();
    JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
    factory.setReadTimeout(spec.getTimeout());
    this.client = RestClient.builder().requestFactory(factory).build();
  }

  @Override
  public Map<String, Object> execute(AdapterCall call) {
    URI uri = urlResolver.apply(spec.getUrl());
    HttpMethod method = spec.httpMethod();
    try {
      RestClient.RequestBodySpec request =
          client
              .method(method)
              .uri(uri)
              .header(IDEMPOTENCY_HEADER, call.idempotencyKey())
              .accept(MediaType.APPLICATION_JSON);
      if (method != HttpMethod.GET) {
        // serialized up front so the request carries a Content-Length, not a chunked body
        request.contentType(MediaType.APPLICATION_JSON).body(json(call.inputs()));
      }
      return request.exchange(
          (req, res) ->
              handle(
                  method,
                  uri,
                  res.getStatusCode(),
                  new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)),
          true);
    } catch (ResourceAccessException e) {
      throw new IllegalStateException(describe(method, uri) + " failed: " + cause(e), e);
    }
  }

  private Map<String, Object> handle(
      HttpMethod method, URI uri, HttpStatusCode status, String body) {
    JsonNode json = parse(body);
    if (status.is2xxSuccessful()) {
      return outputs(json);
    }
    if (status.is4xxClientError() && json != null && json.hasNonNull("errorCode")) {
      String message = json.path("message").asText(json.path("detail").asText(status.toString()));
      throw new BusinessRejectionException(json.get("errorCode").asText(), message);
    }
    throw new IllegalStateException(
        describe(method, uri) + " answered HTTP " + status.value() + abbreviate(body));
  }

  private byte[] json(Map<String, Object> inputs) {
    try {
      return mapper.writeValueAsBytes(inputs);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Adapter '" + name + "': inputs are not JSON", e);
    }
  }

  private Map<String, Object> outputs(JsonNode json) {
    Map<String, Object> outputs = new LinkedHashMap<>();
    if (json != null && json.isObject()) {
      json.properties().forEach(field -> outputs.put(field.getKey(), field.getValue()));
    }
    return outputs;
  }

  private JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return mapper.readTree(body);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private String describe(HttpMethod method, URI uri) {
    return "Adapter '" + name + "': " + method + " " + uri;
  }

  private static String abbreviate(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String oneLine = body.replaceAll("\\s+", " ").trim();
    return ": " + (oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine);
  }

  /** The I/O cause behind Spring's wrapper, e.g. "ConnectException" or "HttpTimeoutException". */
  private static String cause(ResourceAccessException e) {
    Throwable cause = e.getCause() == null ? e : e.getCause();
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
  }
}
