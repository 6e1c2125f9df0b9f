package dev.baton.engine.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.nullValue;

import dev.baton.engine.BatonIT;
import dev.baton.engine.system.ApiPaths;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every endpoint Spring maps (read at run time from its handler mappings, not a hand list)
 * and checks who gets in; Camunda's REST API is walked by {@link CamundaRestWalkIT}.
 */
class EndpointSecurityIT extends BatonIT {

  /** Open on purpose: stand-ins for third-party services that adapters call. */
  private static final Set<String> OPEN =
      Set.of(
          "POST /demo/inventory/reserve",
          "POST /demo/inventory/release",
          "POST /demo/payment/charge",
          "POST /demo/payment/refund",
          "POST /demo/shipping/ship");

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  private RequestMappingHandlerMapping mappings;

  @Test
  void shouldRefuseAnonymousCallsToEverySpringEndpoint() {
    List<String> endpoints = springEndpoints();
    assertThat(endpoints).hasSizeGreaterThan(30);
    for (String endpoint : endpoints) {
      if (OPEN.contains(endpoint)) {
        continue;
      }
      assertThat(call(given(), endpoint)).as("anonymous %s", endpoint).isEqualTo(401);
    }
  }

  @Test
  void shouldServeAnonymousCallersOnlyHealthAndTheLoginPage() {
    // the login page and exactly the assets it names
    String page =
        given()
            .accept(ContentType.HTML)
            .get("/login.html")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    List<String> assets =
        Pattern.compile("\\./(login-assets/[^\"]+)")
            .matcher(page)
            .results()
            .map(m -> m.group(1))
            .toList();
    assertThat(assets).isNotEmpty();
    for (String asset : assets) {
      given().get("/" + asset).then().statusCode(200);
    }
    given().get("/actuator/health").then().statusCode(200);

    // the console: a browser opening it goes to the login page, without a Basic challenge
    for (String console : List.of("/", "/index.html")) {
      given()
          .accept(ContentType.HTML)
          .redirects()
          .follow(false)
          .get(console)
          .then()
          .statusCode(302)
          .header("Location", endsWith("/login.html"))
          .header("WWW-Authenticate", nullValue());
    }
    // its assets and the APIs answer 401, challenging only callers that are not the console
    given().get("/assets/index.js").then().statusCode(401);
    given().accept(ContentType.HTML).get("/api/system").then().statusCode(401);
    given()
        .header("X-Requested-With", "XMLHttpRequest")
        .get("/api/system")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", nullValue());

    // the sign-in form needs the CSRF token, so no other site can sign a browser in
    given()
        .formParam("username", USER)
        .formParam("password", USER)
        .post("/login")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
  }

  @Test
  void shouldRefuseWorkerKeysEverywhereButTheProtocol() {
    // given a worker with a valid key
    String workerId = "walker-" + UUID.randomUUID().toString().substring(0, 8);
    String key =
        asDemo()
            .contentType(ContentType.JSON)
            .body(Map.of("workerId", workerId, "topics", List.of("shipping")))
            .post("/api/workers")
            .then()
            .statusCode(201)
            .extract()
            .path("key");

    // when / then: every Spring endpoint (Camunda REST: CamundaRestWalkIT)
    for (String endpoint : springEndpoints()) {
      if (OPEN.contains(endpoint)) {
        continue;
      }
      assertThat(call(given().auth().preemptive().basic(workerId, key), endpoint))
          .as("worker %s", endpoint)
          .isEqualTo(403);
    }
  }

  @Test
  void shouldGiveEachRoleOnlyItsOwnEndpoints() {
    // given one user per role (analyst, operator), and every Spring endpoint
    List<String> endpoints = springEndpoints();

    // when each calls every endpoint / then the wrong role is refused and the right one let in
    for (String endpoint : endpoints) {
      if (OPEN.contains(endpoint)) {
        continue;
      }
      Set<String> roles = rolesFor(endpoint);
      assertAccess(ANALYST, ANALYST_PASSWORD, endpoint, roles.contains(Roles.ANALYST));
      assertAccess(OPERATOR, OPERATOR_PASSWORD, endpoint, roles.contains(Roles.OPERATOR));
    }
  }

  /** The classification of Baton's own endpoints (admins may call all of them). */
  private static Set<String> rolesFor(String endpoint) {
    String path = endpoint.substring(endpoint.indexOf(' ') + 1);
    if (path.equals("/error")) {
      return Set.of();
    }
    if (endpoint.matches("POST /api/webhooks/[^/]+/deliveries/[^/]+/retry")
        || endpoint.startsWith("GET /api/webhooks")) {
      return Set.of(Roles.OPERATOR, Roles.ADMIN);
    }
    if (endpoint.equals("POST /api/workers")
        || path.startsWith("/api/webhooks")
        || endpoint.endsWith("/credentials")
        || endpoint.startsWith("DELETE /api/deployments/")
        || endpoint.startsWith("DELETE /api/workers/")
        || path.startsWith("/api/users")
        || path.equals("/api/system/history-cleanup")) {
      return Set.of(Roles.ADMIN);
    }
    if (endpoint.equals("POST /api/deployments")) {
      return Set.of(Roles.ANALYST, Roles.ADMIN);
    }
    if (endpoint.matches("PUT /api/definitions/[^/]+/suspension")) {
      return Set.of(Roles.OPERATOR, Roles.ADMIN);
    }
    if (List.of(
                "/api/instances",
                "/api/messages",
                "/api/processes",
                "/api/incidents",
                "/api/batches",
                "/api/migrations",
                "/api/workers",
                "/api/topics",
                "/api/events")
            .stream()
            .anyMatch(path::startsWith)
        || path.startsWith("/demo/")
        || path.startsWith("/actuator")) {
      return Set.of(Roles.OPERATOR, Roles.ADMIN);
    }
    return Set.of(Roles.ANALYST, Roles.OPERATOR, Roles.ADMIN);
  }

  private static void assertAccess(String user, String password, String endpoint, boolean allowed) {
    int status = call(given().auth().preemptive().basic(user, password), endpoint);
    if (allowed) {
      assertThat(status).as("%s %s", user, endpoint).isNotIn(401, 403);
    } else {
      assertThat(status).as("%s %s", user, endpoint).isEqualTo(403);
    }
  }

  private static final String ANALYST = "walkanalyst";
  private static final String ANALYST_PASSWORD = "walk-analyst-pw";

  private static final String OPERATOR = "walkoperator";
  private static final String OPERATOR_PASSWORD = "walk-operator-pw";

  @org.junit.jupiter.api.BeforeEach
  void usersExist() {
    userExists(OPERATOR, OPERATOR_PASSWORD, Roles.OPERATOR);
    userExists(ANALYST, ANALYST_PASSWORD, Roles.ANALYST);
  }

  private static void userExists(String id, String password, String group) {
    if (asDemo().get("/engine-rest/user/{id}/profile", id).statusCode() == 404) {
      asDemo()
          .contentType(ContentType.JSON)
          .body(
              Map.of(
                  "profile",
                  Map.of("id", id, "firstName", "Walk", "lastName", group),
                  "credentials",
                  Map.of("password", password)))
          .post("/engine-rest/user/create")
          .then()
          .statusCode(204);
      asDemo().put("/engine-rest/group/{group}/members/{user}", group, id).then().statusCode(204);
    }
  }

  /** "METHOD /path" for every Spring MVC mapping, path variables filled with a placeholder. */
  private List<String> springEndpoints() {
    Set<String> endpoints = new TreeSet<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (String pattern : info.getPatternValues()) {
        String path = pattern.replaceAll("\\{[^}]+}", "x").replace("/**", "/x");
        for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
          endpoints.add(method.name() + " " + path);
        }
      }
    }
    return new ArrayList<>(endpoints);
  }

  private static int call(RequestSpecification request, String endpoint) {
    String[] parts = endpoint.split(" ", 2);
    if (parts[1].equals(ApiPaths.EVENTS_STREAM)) {
      // an event stream never ends: asked for JSON it answers 406, after the security checks
      request.accept(ContentType.JSON);
    }
    return request
        .contentType(ContentType.JSON)
        .body("{}")
        .request(io.restassured.http.Method.valueOf(parts[0]), parts[1])
        .statusCode();
  }
}
