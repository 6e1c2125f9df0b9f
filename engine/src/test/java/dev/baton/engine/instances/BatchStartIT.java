package dev.baton.engine.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.baton.engine.BatonIT;
import dev.baton.engine.FailingStartProcess;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code POST /api/processes/{key}/instances/batch}: bulk starts with per-item answers. */
class BatchStartIT extends BatonIT {

  private static final String BATCH = "/api/processes/{key}/instances/batch";

  @Autowired HistoryService history;

  @Test
  void shouldStartEveryGoodItemAndAnswerEachInOrder() {
    // given 250 items (three shared transactions): one with unusable variables, one whose first
    // step fails, and one repeating a start made earlier with its idempotency key
    String key = deploy();
    String earlierKey = "batch-" + UUID.randomUUID();
    String earlier =
        asDemo()
            .contentType(ContentType.JSON)
            .header("Idempotency-Key", earlierKey)
            .body(Map.of("businessKey", "item-7", "variables", Map.of("failAt", "none")))
            .post("/api/processes/{key}/instances", key)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    List<Map<String, Object>> items = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      Map<String, Object> item = new HashMap<>();
      item.put("businessKey", "item-" + i);
      item.put("variables", Map.of("failAt", i == 120 ? "start" : "none"));
      items.add(item);
    }
    items.get(3).put("variables", List.of("not", "an", "object"));
    items.get(7).put("idempotencyKey", earlierKey);

    // when
    JsonPath answer = startBatch(key, items);

    // then each item has its own answer, in order
    assertThat(answer.getInt("started")).isEqualTo(247);
    assertThat(answer.getInt("replayed")).isEqualTo(1);
    assertThat(answer.getInt("failed")).isEqualTo(2);
    assertThat(answer.getList("items.index", Integer.class))
        .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 250).boxed().toList());
    assertThat(answer.getInt("items[0].status")).isEqualTo(201);
    assertThat(answer.getString("items[0].instance.businessKey")).isEqualTo("item-0");
    assertThat(answer.getInt("items[3].status")).isEqualTo(400);
    assertThat(answer.getString("items[3].problem.detail")).isNotBlank();
    assertThat(answer.getInt("items[7].status")).isEqualTo(200);
    assertThat(answer.getString("items[7].instance.id")).isEqualTo(earlier);
    assertThat(answer.getInt("items[120].status")).isGreaterThanOrEqualTo(400);
    // and exactly the started items exist, each once
    List<String> businessKeys =
        history.createHistoricProcessInstanceQuery().processDefinitionKey(key).list().stream()
            .map(instance -> instance.getBusinessKey())
            .toList();
    assertThat(businessKeys).hasSize(248).doesNotHaveDuplicates();
    assertThat(businessKeys).doesNotContain("item-3", "item-120");
  }

  @Test
  void shouldRefuseABatchThatRepeatsAnIdempotencyKeyAndStartNothing() {
    // given
    String key = deploy();
    List<Map<String, Object>> items =
        List.of(
            Map.of("idempotencyKey", "same", "businessKey", "a"),
            Map.of("idempotencyKey", "same", "businessKey", "b"));

    // when / then
    assertRefusedWithNothingStarted(key, items, "instances[1] repeats the idempotency key 'same'");
  }

  @Test
  void shouldRefuseMoreThanAThousandItemsAndStartNothing() {
    // given
    String key = deploy();
    List<Map<String, Object>> items = new ArrayList<>();
    for (int i = 0; i < 1001; i++) {
      items.add(Map.of("businessKey", "item-" + i));
    }

    // when / then
    assertRefusedWithNothingStarted(key, items, "instances: size must be between 1 and 1000");
  }

  @Test
  void shouldAnswerAnUnknownProcessPerItem() {
    // when
    JsonPath answer =
        startBatch("no-such-process-" + UUID.randomUUID(), List.of(Map.of("businessKey", "x")));

    // then
    assertThat(answer.getInt("failed")).isEqualTo(1);
    assertThat(answer.getInt("items[0].status")).isEqualTo(404);
  }

  private void assertRefusedWithNothingStarted(
      String key, List<Map<String, Object>> items, String detail) {
    asDemo()
        .contentType(ContentType.JSON)
        .body(Map.of("instances", items))
        .post(BATCH, key)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString(detail));
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(key).count())
        .isZero();
  }

  private static JsonPath startBatch(String key, List<? extends Map<String, Object>> items) {
    return asDemo()
        .contentType(ContentType.JSON)
        .body(Map.of("instances", items))
        .post(BATCH, key)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private String deploy() {
    String key = "batch-starts-" + UUID.randomUUID().toString().substring(0, 8);
    deployBpmn(key, FailingStartProcess.xml(key));
    return key;
  }
}
