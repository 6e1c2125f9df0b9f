package dev.baton.engine.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.baton.engine.BatonIT;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A start repeated with the same Idempotency-Key starts one instance, never two. */
class IdempotentStartIT extends BatonIT {

  private static final String START = "/api/processes/order-fulfillment/instances";

  @Autowired StartKeyRepository keys;
  @Autowired StartKeys startKeys;

  @Test
  void shouldReturnTheFirstInstanceWhenAStartIsRepeatedWithItsKey() {
    // given a start that went through but whose answer the caller did not get
    String order = "idem-" + UUID.randomUUID();
    String key = UUID.randomUUID().toString();
    String first = start(key, order, 120).then().statusCode(201).extract().path("id");

    // when the caller sends it again with the same key
    Response repeat = start(key, order, 120);

    // then it gets the same instance, marked as replayed, and only one instance exists
    repeat
        .then()
        .statusCode(200)
        .header("Idempotent-Replayed", "true")
        .body("id", equalTo(first))
        .body("businessKey", equalTo(order));
    assertThat(instancesOf(order)).isEqualTo(1);
  }

  @Test
  void shouldRefuseAKeyReusedForAnotherRequest() {
    // given
    String order = "idem-" + UUID.randomUUID();
    String key = UUID.randomUUID().toString();
    start(key, order, 120).then().statusCode(201);

    // when / then: another amount under the same key is a conflict, nothing more is started
    start(key, order, 999)
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("was used for a different start request"));
    assertThat(instancesOf(order)).isEqualTo(1);
  }

  @Test
  void shouldStartOnceWhenRepeatsArriveAtTheSameTime() throws Exception {
    // given six callers sending the same start with the same key at once
    String order = "idem-" + UUID.randomUUID();
    String key = UUID.randomUUID().toString();
    ExecutorService callers = Executors.newFixedThreadPool(6);
    try {
      List<CompletableFuture<Response>> calls =
          java.util.stream.IntStream.range(0, 6)
              .mapToObj(i -> CompletableFuture.supplyAsync(() -> start(key, order, 7), callers))
              .toList();

      // when
      List<Response> answers = calls.stream().map(CompletableFuture::join).toList();

      // then one started it, the others got that instance
      assertThat(answers).extracting(Response::statusCode).containsOnly(200, 201);
      assertThat(answers).filteredOn(a -> a.statusCode() == 201).hasSize(1);
      assertThat(answers)
          .extracting(a -> a.path("id").toString())
          .containsOnly(answers.get(0).path("id").toString());
      assertThat(instancesOf(order)).isEqualTo(1);
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void shouldLetAKeyGoAgainWhenItsStartFailed() {
    // given a start with a key that fails (unknown process)
    String key = UUID.randomUUID().toString();
    asDemo()
        .contentType(ContentType.JSON)
        .header("Idempotency-Key", key)
        .body(Map.of("variables", Map.of("amount", 1)))
        .post("/api/processes/no-such-process/instances")
        .then()
        .statusCode(404);

    // when / then: nothing was recorded under the key, so a corrected request may use it
    assertThat(keys.findById(key)).isEmpty();
    String order = "idem-" + UUID.randomUUID();
    start(key, order, 5).then().statusCode(201);
  }

  @Test
  void shouldRejectAMalformedKey() {
    start("x".repeat(256), "idem-long", 1)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("Idempotency-Key"));
    start("has space", "idem-space", 1).then().statusCode(400);
  }

  @Test
  void shouldForgetKeysAfterTheRetentionTime() {
    // given a key used more than a day ago
    String key = UUID.randomUUID().toString();
    keys.saveAndFlush(
        new StartKey(
            key, "order-fulfillment", "0".repeat(64), Instant.now().minus(Duration.ofHours(25))));

    // when
    startKeys.forgetExpired();

    // then
    assertThat(keys.findById(key)).isEmpty();
  }

  private static Response start(String key, String order, int amount) {
    return asDemo()
        .contentType(ContentType.JSON)
        .header("Idempotency-Key", key)
        .body(Map.of("businessKey", order, "variables", Map.of("orderId", order, "amount", amount)))
        .post(START);
  }

  private static int instancesOf(String businessKey) {
    return asDemo()
        .get(
            "/engine-rest/history/process-instance/count?processInstanceBusinessKey={key}",
            businessKey)
        .then()
        .statusCode(200)
        .extract()
        .path("count");
  }
}
