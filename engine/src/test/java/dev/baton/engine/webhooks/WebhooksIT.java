package dev.baton.engine.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.baton.engine.BatonIT;
import dev.baton.engine.events.EventsFixtures;
import dev.baton.engine.security.RoleUsers;
import dev.baton.engine.security.Roles;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Webhooks: an administrator registers a URL; each event of the processes it wants is POSTed there,
 * signed, in order per instance, retried with back-off (BatonIT: 200 ms doubling, 5 attempts) and
 * then FAILED for an operator to retry; nobody else may register one.
 */
class WebhooksIT extends BatonIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String SECRET = "a-webhook-secret-of-some-length";
  private static final List<String> FOUR_EVENTS =
      List.of("instance.started", "step.completed", "step.completed", "instance.ended");

  @Autowired JdbcTemplate jdbc;

  private final List<String> registered = new ArrayList<>();
  private final List<Receiver> receivers = new ArrayList<>();

  @AfterEach
  void removeWebhooksAndReceivers() {
    registered.forEach(id -> asDemo().delete("/api/webhooks/{id}", id));
    receivers.forEach(Receiver::close);
  }

  @Test
  void shouldPostEveryEventOfItsProcessInOrderSignedWithItsSecretAndNoneOfAnother()
      throws Exception {
    // given a receiver registered for one process, and an instance of another that has ended
    Receiver receiver = receiver(Receiver.answering(204));
    String key = deploy();
    String other = deploy();
    String id = register(Map.of("url", receiver.url(), "processKey", key, "secret", SECRET));
    String otherInstance = start(other);
    await().atMost(WAIT).until(() -> ended(otherInstance));

    // when an instance of its process runs to its end
    String instance = start(key);

    // then it gets that instance's four events, in order, each signed with the secret
    await().atMost(WAIT).until(() -> receiver.requests().size() >= 4);
    await().pollDelay(Duration.ofMillis(500)).until(() -> true);
    List<Receiver.Request> requests = receiver.requests();
    assertThat(requests).extracting(Receiver.Request::type).containsExactlyElementsOf(FOUR_EVENTS);
    assertThat(requests)
        .extracting(r -> r.json().path("activityId").asText())
        .containsExactly("null", "s1", "s2", "end"); // the start carries activityId null
    assertThat(requests)
        .allSatisfy(
            request -> {
              assertThat(request.json().path("processInstanceId").asText()).isEqualTo(instance);
              assertThat(request.json().path("processDefinitionKey").asText()).isEqualTo(key);
              assertThat(request.headers().get("Content-Type")).isEqualTo("application/json");
              assertThat(request.headers().get("X-Baton-Event-Id"))
                  .isEqualTo(request.json().path("eventId").asText());
              assertThat(request.headers().get("X-Baton-Event-Type")).isEqualTo(request.type());
              assertThat(request.headers().get("X-Baton-Delivery-Id")).isNotBlank();
              assertThat(request.headers().get("X-Baton-Signature"))
                  .isEqualTo(hmac(SECRET, request.body()))
                  .isNotEqualTo(hmac(SECRET + "-but-another", request.body()));
            });
    assertThat(requests)
        .extracting(r -> r.json().path("sequence").asLong())
        .isSorted()
        .doesNotHaveDuplicates();
    // and its deliveries are the four, delivered once each
    JsonPath deliveries = deliveries(id, "");
    assertThat(deliveries.getInt("total")).isEqualTo(4);
    assertThat(deliveries.getList("items.status", String.class)).containsOnly("DELIVERED");
    assertThat(deliveries.getList("items.attempts", Integer.class)).containsOnly(1);
    assertThat(deliveries.getList("items.processInstanceId", String.class)).containsOnly(instance);
  }

  @Test
  void shouldRetryAfterFailuresUntilDeliveredKeepingTheOrder() throws Exception {
    // given a receiver that answers 500 three times, then 200
    Receiver receiver = receiver(Receiver.answering(n -> n <= 3 ? 500 : 200));
    String key = deploy();
    String id = register(Map.of("url", receiver.url(), "processKey", key, "secret", SECRET));

    // when an instance runs to its end
    start(key);

    // then the start is tried four times before anything else is sent, and all arrive in order
    await().atMost(WAIT).until(() -> receiver.accepted().size() >= 4);
    List<Receiver.Request> requests = receiver.requests();
    assertThat(requests.subList(0, 4))
        .extracting(Receiver.Request::type)
        .containsOnly("instance.started");
    assertThat(requests.subList(0, 4))
        .extracting(Receiver.Request::answered)
        .containsExactly(500, 500, 500, 200);
    assertThat(receiver.accepted())
        .extracting(Receiver.Request::type)
        .containsExactlyElementsOf(FOUR_EVENTS);
    assertThat(requests.subList(0, 4))
        .extracting(r -> r.headers().get("X-Baton-Delivery-Id"))
        .containsOnly(requests.get(0).headers().get("X-Baton-Delivery-Id"));
    JsonPath deliveries = deliveries(id, "?status=DELIVERED");
    assertThat(deliveries.getInt("total")).isEqualTo(4);
    Map<String, Object> started =
        deliveries.getMap("items.find { it.eventType == 'instance.started' }");
    assertThat(started).containsEntry("attempts", 4).containsEntry("lastStatus", 200);
  }

  @Test
  void shouldFailAfterTheLastAttemptShowItAndSendItAgainOnRetry() throws Exception {
    // given a receiver that never succeeds, registered for starts only
    Receiver receiver = receiver(Receiver.answering(503));
    String key = deploy();
    String id =
        register(
            Map.of(
                "url",
                receiver.url(),
                "processKey",
                key,
                "eventTypes",
                List.of("instance.started"),
                "secret",
                SECRET));

    // when an instance starts
    start(key);

    // then after five attempts the delivery is FAILED, and operators see it
    await().atMost(WAIT).until(() -> deliveries(id, "?status=FAILED").getInt("total") == 1);
    Map<String, Object> failed =
        RoleUsers.as(Roles.OPERATOR)
            .get("/api/webhooks/{id}/deliveries?status=FAILED", id)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getMap("items[0]");
    assertThat(failed)
        .containsEntry("attempts", 5)
        .containsEntry("lastStatus", 503)
        .containsEntry("eventType", "instance.started");
    assertThat(receiver.requests()).hasSize(5);

    // when the receiver is fixed and an operator retries it
    receiver.answerFromNow(200);
    RoleUsers.as(Roles.OPERATOR)
        .post("/api/webhooks/{id}/deliveries/{d}/retry", id, failed.get("id"))
        .then()
        .statusCode(200)
        .body("status", equalTo("PENDING"));

    // then it is sent again and delivered; a delivered one cannot be retried
    await().atMost(WAIT).until(() -> deliveries(id, "?status=DELIVERED").getInt("total") == 1);
    assertThat(receiver.requests()).hasSize(6);
    assertThat(receiver.requests().get(5).accepted()).isTrue();
    asDemo()
        .post("/api/webhooks/{id}/deliveries/{d}/retry", id, failed.get("id"))
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    RoleUsers.as(Roles.ANALYST)
        .post("/api/webhooks/{id}/deliveries/{d}/retry", id, failed.get("id"))
        .then()
        .statusCode(403);
  }

  @Test
  void shouldDropPendingDeliveriesWithTheirWebhook() throws Exception {
    // given a receiver that keeps failing and an instance whose deliveries wait for it
    Receiver receiver = receiver(Receiver.answering(500));
    String key = deploy();
    String id = register(Map.of("url", receiver.url(), "processKey", key, "secret", SECRET));
    start(key);
    await().atMost(WAIT).until(() -> deliveries(id, "").getInt("total") == 4);
    assertThat(deliveries(id, "?status=PENDING").getInt("total")).isPositive();

    // when an operator tries to delete it, then an administrator does
    RoleUsers.as(Roles.OPERATOR).delete("/api/webhooks/{id}", id).then().statusCode(403);
    int operatorLeftIt = countRows("baton_webhook", id);
    asDemo().delete("/api/webhooks/{id}", id).then().statusCode(204);

    // then only the administrator's removed it, with its deliveries, and nothing more is sent
    assertThat(operatorLeftIt).isEqualTo(1);
    assertThat(countRows("baton_webhook", id)).isZero();
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM baton_webhook_delivery WHERE webhook_id = ?",
                Integer.class,
                id))
        .isZero();
    int sent = receiver.requests().size();
    await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
    assertThat(receiver.requests()).hasSize(sent);
    asDemo().get("/api/webhooks/{id}/deliveries", id).then().statusCode(404);
  }

  @Test
  void shouldRefuseBadRegistrationsWithAProblemAndStoreNothing() {
    // given registrations each breaking one rule
    String tooLong = "http://example.com/" + "a".repeat(2000);
    List<Map<String, Object>> bad =
        List.of(
            body("file:///etc/passwd", SECRET),
            body("ftp://example.com/hook", SECRET),
            body("jar:http://example.com/a.jar!/", SECRET),
            body("/relative/hook", SECRET),
            body("example.com/hook", SECRET),
            body("http:///no-host", SECRET),
            body("http://user:pw@example.com/hook", SECRET),
            body(tooLong, SECRET),
            body("https://example.com/hook", "fifteen-chars!!"),
            body("https://example.com/hook", "s".repeat(257)),
            withTypes(body("https://example.com/hook", SECRET), List.of("instance.exploded")),
            Map.of("secret", SECRET));
    int before = countWebhooks();

    // when an administrator sends each, then each is refused with a problem
    for (Map<String, Object> request : bad) {
      asDemo()
          .contentType(ContentType.JSON)
          .body(request)
          .post("/api/webhooks")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("title", equalTo("Bad request"));
    }

    // then nothing was stored
    assertThat(countWebhooks()).isEqualTo(before);
  }

  @Test
  void shouldRefuseRegistrationToAnalystsAndOperatorsAndStoreNothing() {
    // given a valid registration
    Map<String, Object> request = body("http://127.0.0.1:9/refused-" + uniqueKey("hook"), SECRET);
    int before = countWebhooks();

    // when an analyst or an operator sends it, with or without a trailing slash
    for (String role : List.of(Roles.ANALYST, Roles.OPERATOR)) {
      for (String path : List.of("/api/webhooks", "/api/webhooks/")) {
        RoleUsers.as(role)
            .contentType(ContentType.JSON)
            .body(request)
            .post(path)
            .then()
            .statusCode(403);
      }
    }

    // then nothing was stored; operators may list webhooks, analysts may not
    assertThat(countWebhooks()).isEqualTo(before);
    RoleUsers.as(Roles.OPERATOR).get("/api/webhooks").then().statusCode(200);
    RoleUsers.as(Roles.ANALYST).get("/api/webhooks").then().statusCode(403);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM baton_webhook WHERE url = ?",
                Integer.class,
                request.get("url")))
        .isZero();
  }

  @Test
  void shouldAnswerTheRegistrationWithoutItsSecret() {
    // when an administrator registers a webhook
    String url = "http://127.0.0.1:9/" + uniqueKey("hook");
    JsonPath created =
        asDemo()
            .contentType(ContentType.JSON)
            .body(withTypes(body(url, SECRET), List.of("instance.ended")))
            .post("/api/webhooks")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    registered.add(created.getString("id"));

    // then neither the answer nor the list shows the secret
    assertThat(created.getString("url")).isEqualTo(url);
    assertThat(created.getList("eventTypes")).containsExactly("instance.ended");
    assertThat(created.getString("createdAt")).isNotBlank();
    assertThat(created.prettify()).doesNotContain(SECRET);
    assertThat(asDemo().get("/api/webhooks").asString()).doesNotContain(SECRET);
  }

  private static Map<String, Object> body(String url, String secret) {
    Map<String, Object> body = new HashMap<>();
    body.put("url", url);
    body.put("secret", secret);
    return body;
  }

  private static Map<String, Object> withTypes(Map<String, Object> body, List<String> types) {
    body.put("eventTypes", types);
    return body;
  }

  private Receiver receiver(Receiver receiver) {
    receivers.add(receiver);
    return receiver;
  }

  private String register(Map<String, Object> request) {
    String id =
        asDemo()
            .contentType(ContentType.JSON)
            .body(request)
            .post("/api/webhooks")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    registered.add(id);
    return id;
  }

  private static JsonPath deliveries(String webhookId, String query) {
    return asDemo()
        .get("/api/webhooks/" + webhookId + "/deliveries" + query)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private String deploy() {
    String keyAndXml = EventsFixtures.twoSavePoints();
    String key = keyAndXml.substring(0, keyAndXml.indexOf('\n'));
    deployBpmn(key, keyAndXml.substring(key.length() + 1));
    return key;
  }

  private static String start(String key) {
    return asDemo()
        .contentType(ContentType.JSON)
        .body(Map.of("businessKey", "hooked", "variables", Map.of("failAt", "none")))
        .post("/api/processes/{key}/instances", key)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static boolean ended(String instanceId) {
    return "COMPLETED"
        .equals(
            asDemo()
                .get("/engine-rest/history/process-instance/{id}", instanceId)
                .then()
                .statusCode(200)
                .extract()
                .path("state"));
  }

  private static int countWebhooks() {
    return asDemo()
        .get("/api/webhooks")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("$")
        .size();
  }

  private int countRows(String table, String id) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM " + table + " WHERE id = ?", Integer.class, id);
  }

  private static String hmac(String secret, byte[] body) throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(
        new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body));
  }
}
