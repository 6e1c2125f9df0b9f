package dev.baton.engine.workers;

import static dev.baton.engine.workers.WorkerFixtures.asDemo;
import static dev.baton.engine.workers.WorkerFixtures.asWorker;
import static dev.baton.engine.workers.WorkerFixtures.register;
import static dev.baton.engine.workers.WorkerFixtures.uniqueWorkerId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.baton.engine.BatonIT;
import dev.baton.engine.security.RoleUsers;
import dev.baton.engine.security.Roles;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An administrator rotates a worker's key and forgets a stale worker; nobody else can. */
class WorkerAdministrationIT extends BatonIT {

  /** A topic no process uses, so fetching locks nobody else's task. */
  private static final String TOPIC = "admin-it-idle";

  @Test
  void shouldRotateKeySoOldKeyIsRefusedAtOnceAndNewKeyWorks() {
    // given a worker whose key has been used (and so is cached)
    String workerId = uniqueWorkerId("rotated");
    String oldKey = register(workerId, List.of(TOPIC));
    fetch(workerId, oldKey).then().statusCode(200);

    // when
    String newKey =
        asDemo()
            .post("/api/workers/{id}/credentials", workerId)
            .then()
            .statusCode(200)
            .body("workerId", equalTo(workerId))
            .body("topics", equalTo(List.of(TOPIC)))
            .extract()
            .path("key");

    // then
    assertThat(newKey).isNotEqualTo(oldKey).hasSizeGreaterThanOrEqualTo(40);
    fetch(workerId, oldKey).then().statusCode(401).contentType("application/problem+json");
    fetch(workerId, newKey).then().statusCode(200);
    asDemo()
        .get("/api/workers/{id}", workerId)
        .then()
        .body("key", org.hamcrest.Matchers.nullValue());
  }

  @Test
  void shouldAnswerNotFoundWhenRotatingWithoutActiveKey() {
    asDemo()
        .post("/api/workers/{id}/credentials", uniqueWorkerId("nokey"))
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void shouldForgetStaleWorkerOnlyWithoutKeyAndOnlyOnceStale() {
    // given a worker that polled and then lost its key
    String workerId = uniqueWorkerId("forgotten");
    String key = register(workerId, List.of(TOPIC));
    fetch(workerId, key).then().statusCode(200);

    // when it still holds its key / has just polled / has gone stale
    asDemo()
        .delete("/api/workers/{id}", workerId)
        .then()
        .statusCode(409)
        .body("detail", containsString("revoke it"));
    asDemo().delete("/api/workers/{id}/credentials", workerId).then().statusCode(204);
    asDemo()
        .delete("/api/workers/{id}", workerId)
        .then()
        .statusCode(409)
        .body("detail", containsString("still polling"));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> "STALE".equals(asDemo().get("/api/workers/{id}", workerId).path("status")));
    asDemo().delete("/api/workers/{id}", workerId).then().statusCode(204);

    // then it is gone from the registry and its old key stays refused
    asDemo().get("/api/workers/{id}", workerId).then().statusCode(404);
    assertThat(asDemo().get("/api/workers").jsonPath().getList("workerId"))
        .doesNotContain(workerId);
    fetch(workerId, key).then().statusCode(401);
    asDemo().delete("/api/workers/{id}", workerId).then().statusCode(404);
  }

  @Test
  void shouldRefuseRotateRevokeForgetAndRegisterToOtherRolesAndChangeNothing() {
    // given
    String workerId = uniqueWorkerId("guarded");
    String key = register(workerId, List.of(TOPIC));

    // when
    for (String role : List.of(Roles.OPERATOR, Roles.ANALYST)) {
      RoleUsers.as(role)
          .post("/api/workers/{id}/credentials", workerId)
          .then()
          .statusCode(403)
          .contentType("application/problem+json");
      RoleUsers.as(role).delete("/api/workers/{id}/credentials", workerId).then().statusCode(403);
      RoleUsers.as(role).delete("/api/workers/{id}", workerId).then().statusCode(403);
      RoleUsers.as(role)
          .contentType(ContentType.JSON)
          .body(Map.of("workerId", workerId + "-x", "topics", List.of(TOPIC)))
          .post("/api/workers")
          .then()
          .statusCode(403);
    }
    asWorker(workerId, key).post("/api/workers/{id}/credentials", workerId).then().statusCode(403);

    // then the key still works and nothing was registered
    fetch(workerId, key).then().statusCode(200);
    asDemo()
        .get("/api/workers/{id}", workerId)
        .then()
        .statusCode(200)
        .body("registered", equalTo(true));
    asDemo().get("/api/workers/{id}", workerId + "-x").then().statusCode(404);
  }

  private static Response fetch(String workerId, String key) {
    return asWorker(workerId, key)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "workerId",
                workerId,
                "maxTasks",
                1,
                "topics",
                List.of(Map.of("topicName", TOPIC, "lockDuration", 10_000))))
        .post("/engine-rest/external-task/fetchAndLock");
  }
}
