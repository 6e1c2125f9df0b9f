package dev.baton.engine.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.BatonIT;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.camunda.bpm.engine.rest.impl.DefaultProcessEngineRestServiceImpl;
import org.junit.jupiter.api.Test;

/**
 * Walks every endpoint of Camunda's REST API — read from its resource classes, sub-resources
 * included — under {@code /engine-rest/…} and {@code /engine-rest/engine/default/…}, as anonymous,
 * a worker, an analyst, an operator and an administrator, and checks each answer against the role
 * table of docs/security.md. "Let in" means the HTTP layer passed the call on (whatever Camunda
 * then answered); the engine's own checks are {@link EngineGrantsIT}'s.
 */
class CamundaRestWalkIT extends BatonIT {

  private static final List<String> PREFIXES =
      List.of("/engine-rest", "/engine-rest/engine/default");

  /** Resources every signed-in person may read. */
  private static final Set<String> READ_MODELS =
      Set.of(
          "/engine",
          "/version",
          "/process-definition",
          "/decision-definition",
          "/decision-requirements-definition",
          "/deployment");

  /** Resources about running work: operators (all methods). */
  private static final Set<String> OPERATIONS =
      Set.of(
          "/process-definition",
          "/process-instance",
          "/execution",
          "/task",
          "/message",
          "/signal",
          "/condition",
          "/variable-instance",
          "/event-subscription",
          "/job-definition",
          "/job",
          "/incident",
          "/external-task",
          "/history",
          "/migration",
          "/modification",
          "/batch",
          "/decision-definition",
          "/decision-requirements-definition",
          "/metrics");

  /** Resources only administrators reach (besides everything above). */
  private static final Set<String> ADMIN_ONLY =
      Set.of("/user", "/group", "/tenant", "/authorization", "/filter", "/schema", "/telemetry");

  private static String workerId;
  private static String workerKey;

  /** One endpoint: method, path below the REST root, and whether it reads a request body. */
  record Endpoint(String method, String path, boolean takesBody) implements Comparable<Endpoint> {
    String root() {
      int next = path.indexOf('/', 1);
      return next < 0 ? path : path.substring(0, next);
    }

    @Override
    public int compareTo(Endpoint other) {
      return (path + " " + method).compareTo(other.path + " " + other.method);
    }
  }

  @Test
  void shouldAnswerEveryCamundaEndpointByTheRoleTableUnderBothPrefixes() throws Exception {
    // given every endpoint, and one caller per role
    List<Endpoint> endpoints = endpoints();
    assertThat(endpoints).hasSizeGreaterThan(300);
    ensureWorker();
    List.of(Roles.ANALYST, Roles.OPERATOR, Roles.ADMIN).forEach(RoleUsers::of);
    List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
    List<String> serverErrors = java.util.Collections.synchronizedList(new ArrayList<>());

    // when each calls each endpoint under both prefixes (four at a time: about 4,000 calls)
    java.util.concurrent.ExecutorService callers =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    List<java.util.concurrent.Future<?>> calls = new ArrayList<>();
    for (Endpoint endpoint : endpoints) {
      for (String prefix : PREFIXES) {
        calls.add(callers.submit(() -> walk(wrong, serverErrors, endpoint, prefix)));
      }
    }
    for (java.util.concurrent.Future<?> call : calls) {
      call.get();
    }
    callers.shutdown();

    // then
    assertThat(wrong).as("answers that differ from the role table").isEmpty();
    assertThat(serverErrors).as("5xx answers to a refused or bad call").isEmpty();
  }

  private static void walk(
      List<String> wrong, List<String> serverErrors, Endpoint endpoint, String prefix) {
    // lists stay short whatever the shared database holds; other resources ignore the paging
    String url =
        prefix
            + endpoint.path().replaceAll("\\{[^}]+}", "walk-x")
            + (endpoint.method().equals("GET") ? "?firstResult=0&maxResults=1" : "");
    check(wrong, serverErrors, "anonymous", given(), endpoint, url, false);
    // a worker's own protocol calls are WorkerCredentialsIT's; everything else is refused
    if (!endpoint.root().equals("/external-task")) {
      check(
          wrong,
          serverErrors,
          "worker",
          given().auth().preemptive().basic(workerId, workerKey),
          endpoint,
          url,
          false);
    }
    for (String role : List.of(Roles.ANALYST, Roles.OPERATOR, Roles.ADMIN)) {
      check(wrong, serverErrors, role, RoleUsers.as(role), endpoint, url, allowed(role, endpoint));
    }
  }

  /** The role table of docs/security.md for Camunda REST, written out independently. */
  private static boolean allowed(String role, Endpoint endpoint) {
    String root = endpoint.root();
    String path = endpoint.path();
    boolean read = endpoint.method().equals("GET") && READ_MODELS.contains(root);
    boolean deploy =
        endpoint.method().equals("POST")
            && (path.equals("/deployment/create")
                || path.matches("/deployment/\\{[^}]+}/redeploy"));
    boolean operations = OPERATIONS.contains(root);
    return switch (role) {
      case Roles.ANALYST -> read || deploy;
      case Roles.OPERATOR -> read || operations;
      case Roles.ADMIN ->
          read
              || deploy
              || operations
              || ADMIN_ONLY.contains(root)
              || (root.equals("/deployment") && endpoint.method().equals("DELETE"))
              || path.equals("/identity/groups")
              || path.equals("/identity/password-policy");
      default -> false;
    };
  }

  private static void check(
      List<String> wrong,
      List<String> serverErrors,
      String who,
      RequestSpecification request,
      Endpoint endpoint,
      String url,
      boolean allowed) {
    String what = who + " " + endpoint.method() + " " + url;
    if (allowed && !safeToCall(endpoint)) {
      return;
    }
    Response response =
        request
            .urlEncodingEnabled(false)
            .contentType(ContentType.JSON)
            // malformed on purpose: a call that gets through is refused by the JSON reader before
            // it does anything
            .body("{")
            .request(endpoint.method(), url);
    int status = response.statusCode();
    boolean refusedByHttpRules =
        status == 401
            || (status == 403 && response.contentType().startsWith("application/problem+json"));
    if (allowed == refusedByHttpRules) {
      wrong.add(
          what + " -> " + status + (allowed ? " (should be let in)" : " (should be refused)"));
    } else if (!allowed && status != ("anonymous".equals(who) ? 401 : 403)) {
      wrong.add(what + " -> " + status);
    }
    if (status >= 500) {
      serverErrors.add(what + " -> " + status + " " + response.asString());
    }
  }

  /**
   * Calls that are let in must not change anything: only reads, calls on a made-up id, and calls
   * whose body Camunda reads (the malformed body stops them) are made for real.
   */
  private static boolean safeToCall(Endpoint endpoint) {
    return endpoint.method().equals("GET") || endpoint.path().contains("{") || endpoint.takesBody();
  }

  private static void ensureWorker() {
    if (workerId != null) {
      return;
    }
    workerId = "walker-" + UUID.randomUUID().toString().substring(0, 8);
    workerKey =
        asDemo()
            .contentType(ContentType.JSON)
            .body(Map.of("workerId", workerId, "topics", List.of("shipping")))
            .post("/api/workers")
            .then()
            .statusCode(201)
            .extract()
            .path("key");
  }

  /** Every endpoint of Camunda's REST API, from its resource classes. */
  static List<Endpoint> endpoints() {
    Set<Endpoint> endpoints = new TreeSet<>();
    for (Method root : DefaultProcessEngineRestServiceImpl.class.getMethods()) {
      Path path = root.getAnnotation(Path.class);
      if (path != null) {
        collect(root.getReturnType(), slash(path.value()), endpoints, 0);
      }
    }
    // the resource listing the engines themselves
    endpoints.add(new Endpoint("GET", "/engine", false));
    return new ArrayList<>(endpoints);
  }

  private static void collect(Class<?> type, String prefix, Set<Endpoint> into, int depth) {
    if (depth > 5) {
      return;
    }
    for (Method method : type.getMethods()) {
      Path path = method.getAnnotation(Path.class);
      String full = prefix + (path == null ? "" : slash(path.value()));
      String http = httpMethod(method);
      if (http != null) {
        if (!http.equals("OPTIONS")) {
          into.add(new Endpoint(http, full, takesBody(method)));
        }
      } else if (path != null) {
        collect(method.getReturnType(), full, into, depth + 1);
      }
    }
  }

  private static String httpMethod(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (http != null) {
        return http.value();
      }
    }
    return null;
  }

  /** A parameter without a JAX-RS annotation is the request entity. */
  private static boolean takesBody(Method method) {
    for (Parameter parameter : method.getParameters()) {
      if (parameter.getAnnotations().length == 0) {
        return true;
      }
    }
    return false;
  }

  private static String slash(String path) {
    String p = path.startsWith("/") ? path : "/" + path;
    return p.endsWith("/") && p.length() > 1 ? p.substring(0, p.length() - 1) : p;
  }
}
