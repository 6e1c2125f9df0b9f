package dev.baton.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.BatonIT;
import dev.baton.engine.TestBpmn;
import io.micrometer.core.instrument.MeterRegistry;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's remembered authorization decisions never outlive a change on this node: a right
 * revoked after it was used is refused on the very next call, with nothing started, and a right
 * granted again applies at once.
 */
class AuthorizationCacheIT extends BatonIT {

  private static final int PROCESS_DEFINITION = 6;

  @Autowired MeterRegistry meters;

  private String key;
  private String operator;

  @BeforeEach
  void deployOneStepProcess() {
    key = uniqueKey("authcache");
    deployBpmn(
        key,
        TestBpmn.process(
            key,
            """
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="end" />
            <bpmn:endEvent id="end" />
            """));
    operator = RoleUsers.of(Roles.OPERATOR);
  }

  @Test
  void shouldAnswerRepeatedQuestionsFromMemory() {
    // given
    start(200);
    double hitsBefore = hits();

    // when
    start(200);
    start(200);

    // then
    assertThat(hits()).isGreaterThan(hitsBefore);
    assertThat(instancesEverStarted(key)).isEqualTo(3);
  }

  @Test
  void shouldRefuseRightAfterRevokeAndAllowRightAfterTheRevokeIsDeleted() {
    // given the operator started an instance, so the engine's "yes" is remembered
    start(200);

    // when an administrator revokes starting instances of this process from the operator
    String revoke =
        asDemo()
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "type",
                    2,
                    "permissions",
                    new String[] {"CREATE_INSTANCE"},
                    "userId",
                    operator,
                    "resourceType",
                    PROCESS_DEFINITION,
                    "resourceId",
                    key))
            .post("/engine-rest/authorization/create")
            .then()
            .statusCode(200)
            .extract()
            .path("id");

    // then the next start is refused and nothing started
    start(403);
    assertThat(instancesEverStarted(key)).isEqualTo(1);

    // when the revoke is deleted
    asDemo().delete("/engine-rest/authorization/{id}", revoke).then().statusCode(204);

    // then the remembered "no" is gone too
    start(200);
    assertThat(instancesEverStarted(key)).isEqualTo(2);
  }

  private void start(int status) {
    RoleUsers.as(Roles.OPERATOR)
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/engine-rest/process-definition/key/{key}/start", key)
        .then()
        .statusCode(status);
  }

  private double hits() {
    return meters.counter("baton.authorization.decisions", "outcome", "hit").count();
  }
}
