package dev.baton.engine.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.BatonIT;
import io.restassured.http.ContentType;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The review's role escalations, replayed over HTTP through every alias Camunda serves: the {@code
 * /engine-rest/engine/default/} form, trailing slashes and percent-encoded paths. Each is refused,
 * and nothing changed.
 */
class RoleEscalationIT extends BatonIT {

  private static final List<String> PREFIXES =
      List.of("/engine-rest", "/engine-rest/engine/default");

  @Autowired private IdentityService identity;
  @Autowired private AuthorizationService authorizations;
  @Autowired private RepositoryService repository;

  @Test
  void shouldRefuseAnOperatorJoiningTheAdminGroupOrTakingOverTheAdmin() {
    // given
    String operator = RoleUsers.of(Roles.OPERATOR);
    long authorizationCount = authorizations.createAuthorizationQuery().count();

    // when the operator tries every form of the same calls
    for (String prefix : PREFIXES) {
      for (String slash : List.of("", "/")) {
        RoleUsers.as(Roles.OPERATOR)
            .put(prefix + "/group/admin/members/" + operator + slash)
            .then()
            .statusCode(403);
        RoleUsers.as(Roles.OPERATOR)
            .urlEncodingEnabled(false)
            .put(prefix + "/group/%61dmin/members/" + operator + slash)
            .then()
            .statusCode(403);
        RoleUsers.as(Roles.OPERATOR)
            .contentType(ContentType.JSON)
            .body(Map.of("password", "taken-over", "authenticatedUserPassword", "x"))
            .put(prefix + "/user/demo/credentials" + slash)
            .then()
            .statusCode(403);
        RoleUsers.as(Roles.OPERATOR)
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "type",
                    1,
                    "permissions",
                    List.of("ALL"),
                    "userId",
                    operator,
                    "resourceType",
                    2,
                    "resourceId",
                    "*"))
            .post(prefix + "/authorization/create" + slash)
            .then()
            .statusCode(403);
      }
    }

    // then
    assertThat(identity.createUserQuery().memberOfGroup(Roles.ADMIN).userId(operator).count())
        .isZero();
    assertThat(identity.checkPassword("demo", "demo")).isTrue();
    assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(authorizationCount);
  }

  @Test
  void shouldRefuseAnOperatorDeployingOrDeletingDeploymentsThroughAliases() {
    // given
    String deployment = repository.createDeploymentQuery().list().get(0).getId();
    long deployments = repository.createDeploymentQuery().count();

    // when
    for (String prefix : PREFIXES) {
      for (String slash : List.of("", "/")) {
        RoleUsers.as(Roles.OPERATOR)
            .multiPart("data", "x.bpmn", minimalBpmn(), "application/xml")
            .post(prefix + "/deployment/create" + slash)
            .then()
            .statusCode(403);
        RoleUsers.as(Roles.OPERATOR)
            .contentType(ContentType.JSON)
            .body("{}")
            .post(prefix + "/deployment/" + deployment + "/redeploy" + slash)
            .then()
            .statusCode(403);
        RoleUsers.as(Roles.OPERATOR)
            .delete(prefix + "/deployment/" + deployment + slash + "?cascade=true")
            .then()
            .statusCode(403);
      }
    }

    // then
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(repository.createDeploymentQuery().deploymentId(deployment).count()).isOne();
  }

  @Test
  void shouldOfferNoUnthrottledPasswordCheckToAnyone() {
    // when / then: even an administrator cannot use Camunda's password check
    for (String prefix : PREFIXES) {
      for (String role : List.of(Roles.OPERATOR, Roles.ADMIN)) {
        RoleUsers.as(role)
            .contentType(ContentType.JSON)
            .body(Map.of("username", "demo", "password", "demo"))
            .post(prefix + "/identity/verify")
            .then()
            .statusCode(403)
            .contentType("application/problem+json");
      }
    }
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("username", "demo", "password", "demo"))
        .post("/engine-rest/identity/verify")
        .then()
        .statusCode(401);
  }

  @Test
  void shouldAnswerPathsOutsideCanonicalFormWithABadRequestProblem() throws Exception {
    // when / then: sent byte for byte (HTTP clients tidy such paths up before sending)
    for (String path :
        List.of("//engine-rest/user", "/engine-rest//user", "/engine-rest/user/..;/group")) {
      String answer = rawGet(path);
      assertThat(answer).as(path).startsWith("HTTP/1.1 400");
      assertThat(answer).as(path).contains("application/problem+json").contains("canonical");
    }
  }

  /** The whole answer to a GET of exactly {@code path}, signed in as the demo admin. */
  private String rawGet(String path) throws Exception {
    try (Socket socket = new Socket("localhost", port)) {
      String basic =
          Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.US_ASCII));
      socket
          .getOutputStream()
          .write(
              ("GET "
                      + path
                      + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
                      + basic
                      + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void shouldNotServeTheErrorPageAsAResource() {
    // when / then
    given().get("/error").then().statusCode(401);
    asDemo().get("/error").then().statusCode(403).contentType("application/problem+json");
    RoleUsers.as(Roles.OPERATOR).post("/error").then().statusCode(403);
  }

  private static byte[] minimalBpmn() {
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
            + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"t\">"
            + "<process id=\"escalation\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\">"
            + "<startEvent id=\"s\"/></process></definitions>")
        .getBytes(StandardCharsets.UTF_8);
  }
}
