package dev.baton.engine.workers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A call to Camunda's external-task REST API as Baton reads it: which operation, on which task, by
 * which worker, for which topics.
 */
record ExternalTaskCall(
    Operation operation, String taskId, String workerId, Set<String> topics, long longPollMillis) {

  /** The worker protocol's operations; {@link #OTHER} is anything else under /external-task. */
  enum Operation {
    FETCH_AND_LOCK,
    COMPLETE,
    FAILURE,
    BPMN_ERROR,
    EXTEND_LOCK,
    UNLOCK,
    OTHER
  }

  private static final Pattern TASK_OPERATION =
      Pattern.compile("/external-task/([^/]+)/(complete|failure|bpmnError|extendLock|unlock)");

  /**
   * Reads the call from its method, its path below the REST root, and its body.
   *
   * @throws IOException when the body of a protocol call is not JSON
   */
  static ExternalTaskCall parse(String method, String path, byte[] body, ObjectMapper mapper)
      throws IOException {
    if (!"POST".equals(method)) {
      return other();
    }
    if (path.equals("/external-task/fetchAndLock")) {
      JsonNode json = read(body, mapper);
      Set<String> topics = new LinkedHashSet<>();
      json.path("topics").forEach(topic -> topics.add(topic.path("topicName").asText()));
      return new ExternalTaskCall(
          Operation.FETCH_AND_LOCK,
          null,
          text(json, "workerId"),
          topics,
          json.path("asyncResponseTimeout").asLong(0));
    }
    Matcher matcher = TASK_OPERATION.matcher(path);
    if (!matcher.matches()) {
      return other();
    }
    Operation operation =
        switch (matcher.group(2)) {
          case "complete" -> Operation.COMPLETE;
          case "failure" -> Operation.FAILURE;
          case "bpmnError" -> Operation.BPMN_ERROR;
          case "extendLock" -> Operation.EXTEND_LOCK;
          default -> Operation.UNLOCK;
        };
    String workerId = operation == Operation.UNLOCK ? null : text(read(body, mapper), "workerId");
    return new ExternalTaskCall(operation, matcher.group(1), workerId, Set.of(), 0);
  }

  boolean isProtocol() {
    return operation != Operation.OTHER;
  }

  private static ExternalTaskCall other() {
    return new ExternalTaskCall(Operation.OTHER, null, null, Set.of(), 0);
  }

  private static JsonNode read(byte[] body, ObjectMapper mapper) throws IOException {
    if (body.length == 0) {
      throw new IOException("the request has no body");
    }
    JsonNode json = mapper.readTree(body);
    if (json == null || !json.isObject()) {
      throw new IOException("the body is not a JSON object");
    }
    return json;
  }

  private static String text(JsonNode json, String field) {
    JsonNode value = json.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
