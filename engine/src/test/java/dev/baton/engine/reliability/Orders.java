package dev.baton.engine.reliability;

import dev.baton.engine.BatonProcess;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How many of a set of order instances a node knows, and how many it has fulfilled. */
final class Orders {

  private static final DateTimeFormatter CAMUNDA_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

  private Orders() {}

  /**
   * Instances the node knows of, running or finished: an acknowledged start that is missing here is
   * lost.
   */
  static long known(BatonProcess node, Collection<String> ids) {
    return count(node, ids, Map.of());
  }

  /** Instances that finished at the order process's end event {@code fulfilled}. */
  static long fulfilled(BatonProcess node, Collection<String> ids) {
    return count(node, ids, Map.of("finished", true, "executedActivityIdIn", List.of("fulfilled")));
  }

  /** Instances that finished, at whichever end. */
  static long finished(BatonProcess node, Collection<String> ids) {
    return count(node, ids, Map.of("finished", true));
  }

  /** Instances that had finished before that moment. */
  static long finishedBefore(BatonProcess node, Collection<String> ids, Instant moment) {
    return count(
        node, ids, Map.of("finished", true, "finishedBefore", CAMUNDA_DATE.format(moment)));
  }

  /** Open incidents on the node. */
  static long openIncidents(BatonProcess node) {
    return node.asDemo()
        .get("/engine-rest/incident/count")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("count");
  }

  private static long count(BatonProcess node, Collection<String> ids, Map<String, Object> filter) {
    Map<String, Object> query = new HashMap<>(filter);
    query.put("processInstanceIds", List.copyOf(ids));
    return node.asDemo()
        .contentType(ContentType.JSON)
        .body(query)
        .post("/engine-rest/history/process-instance/count")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("count");
  }
}
